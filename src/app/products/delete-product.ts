/** Use case: delete a product (managers only), with its audit entry; deals lose the link by cascade. */
import { requireManager } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { toProduct } from './product-schema.js';
import { findProduct } from './product-store.js';

/** Deletes a product of the caller's workspace; NOT_FOUND otherwise, AUTH.FORBIDDEN for non-managers. */
export async function deleteProduct(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findProduct(trx, principal, id);
    requireManager(principal);
    await trx
      .deleteFrom('products')
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, deps, principal, {
      entity: 'product',
      entityId: id,
      action: 'delete',
      before: toProduct(row),
    });
  });
}
