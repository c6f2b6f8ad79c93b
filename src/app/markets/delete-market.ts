/** Use case: delete a market (managers only), with its audit entry; its customers keep no market (set null). */
import { requireManager } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { toMarket } from './market-schema.js';
import { findMarket } from './market-store.js';

/** Deletes a market of the caller's workspace; NOT_FOUND otherwise, AUTH.FORBIDDEN for non-managers. */
export async function deleteMarket(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findMarket(trx, principal, id);
    requireManager(principal);
    await trx
      .deleteFrom('markets')
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, deps, principal, {
      entity: 'market',
      entityId: id,
      action: 'delete',
      before: toMarket(row),
    });
  });
}
