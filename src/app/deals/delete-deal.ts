/** Use case: delete a deal and its product links, with its audit entry. */
import type { Deps, Principal } from '../context.js';
import { deals, findDeal, replaceDealProducts, toDeal } from './deal-store.js';

/** Deletes a deal whose customer the caller can see; NOT_FOUND otherwise. */
export async function deleteDeal(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { row, productIds } = await findDeal(trx, principal, id);
    await replaceDealProducts(trx, principal, id, []);
    await deals.remove(trx, principal, id);
    await deals.audit(trx, deps, principal, 'delete', id, { before: toDeal(row, productIds) });
  });
}
