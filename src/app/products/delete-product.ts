/** Use case: delete a product (managers only), with its audit entry; deals lose the link by cascade. */
import { requireManager } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { products } from './product-store.js';

/** Deletes a product of the caller's workspace; NOT_FOUND otherwise, AUTH.FORBIDDEN for non-managers. */
export async function deleteProduct(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await products.find(trx, principal, id);
    requireManager(principal);
    await products.removeAudited(trx, deps, principal, row);
  });
}
