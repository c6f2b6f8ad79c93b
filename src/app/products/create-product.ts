/** Use case: add a product to the workspace's catalogue (managers only), with its audit entry. */

import { createProductInput, type Product } from '../../contract/products.js';
import { requireManager } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { newProductValues, products } from './product-store.js';

/** Creates a product; AUTH.FORBIDDEN for anyone but a manager. */
export async function createProduct(deps: Deps, principal: Principal, input: unknown): Promise<Product> {
  requireManager(principal);
  const body = parseInput(createProductInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const row = await products.insert(trx, deps, principal, await newProductValues(trx, principal, body));
    const product = products.toView(row);
    await products.audit(trx, deps, principal, 'create', product.id, { after: product });
    return product;
  });
}
