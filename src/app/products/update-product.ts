/** Use case: update a product (managers only) under optimistic concurrency, with its audit entry. */

import { type Product, updateProductInput } from '../../contract/products.js';
import { requireManager } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { products } from './product-store.js';

/** Applies the given fields if `version` is current, else CONFLICT.STALE; AUTH.FORBIDDEN for non-managers. */
export async function updateProduct(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<Product> {
  const { version, ...fields } = parseInput(updateProductInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await products.find(trx, principal, id);
    requireManager(principal);
    return products.updateAudited(trx, deps, principal, before, version, products.columnsOf(fields));
  });
}
