/** Use case: update a product (managers only) under optimistic concurrency, with its audit entry. */

import { type Product, updateProductInput } from '../../contract/products.js';
import { AppError } from '../../domain/errors.js';
import { requireManager } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { toProduct } from './product-schema.js';
import { findProduct } from './product-store.js';

/** Applies the given fields if `version` is current, else CONFLICT.STALE; AUTH.FORBIDDEN for non-managers. */
export async function updateProduct(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<Product> {
  const { version, ...fields } = parseInput(updateProductInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findProduct(trx, principal, id);
    requireManager(principal);
    if (before.version !== version) {
      throw new AppError('CONFLICT.STALE', {
        entity: 'product',
        id,
        version,
        currentVersion: before.version,
      });
    }
    const result = await trx
      .updateTable('products')
      .set({
        ...(fields.name !== undefined ? { name: fields.name } : {}),
        ...(fields.priceMinor !== undefined ? { price_minor: fields.priceMinor } : {}),
        ...(fields.currency !== undefined ? { currency: fields.currency } : {}),
        ...(fields.features !== undefined ? { features: JSON.stringify(fields.features) } : {}),
        updated_at: deps.clock().toISOString(),
        version: version + 1,
      })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      // The version guard makes a concurrent writer that read the same version lose here.
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!result) throw new AppError('CONFLICT.STALE', { entity: 'product', id, version });
    const after = toProduct(result);
    await recordAudit(trx, deps, principal, {
      entity: 'product',
      entityId: id,
      action: 'update',
      before: toProduct(before),
      after,
    });
    return after;
  });
}
