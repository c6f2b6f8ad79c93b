/** Use case: delete a deal and its product links, with its audit entry. */
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { toDeal } from './deal-schema.js';
import { findVisibleDeal, productIdsOf, replaceDealProducts } from './deal-store.js';

/** Deletes a deal whose customer the caller can see; NOT_FOUND otherwise. */
export async function deleteDeal(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findVisibleDeal(trx, principal, id);
    const products = (await productIdsOf(trx, principal, [id])).get(id) ?? [];
    await replaceDealProducts(trx, principal, id, []);
    await trx
      .deleteFrom('deals')
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, deps, principal, {
      entity: 'deal',
      entityId: id,
      action: 'delete',
      before: toDeal(row, products),
    });
  });
}
