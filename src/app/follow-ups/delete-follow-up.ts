/** Use case: delete a follow-up, with its audit entry. */
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { toFollowUp } from './follow-up-schema.js';
import { findVisibleFollowUp } from './follow-up-store.js';

/** Deletes a follow-up whose customer the caller can see; NOT_FOUND otherwise. */
export async function deleteFollowUp(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findVisibleFollowUp(trx, principal, id);
    await trx
      .deleteFrom('follow_ups')
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, deps, principal, {
      entity: 'follow_up',
      entityId: id,
      action: 'delete',
      before: toFollowUp(row),
    });
  });
}
