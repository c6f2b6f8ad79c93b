/** Use case: read one product of the caller's workspace. */

import type { Product } from '../../contract/products.js';
import type { Deps, Principal } from '../context.js';
import { toProduct } from './product-schema.js';
import { findProduct } from './product-store.js';

/** The product, or NOT_FOUND when it is not the caller's workspace's. */
export async function getProduct(deps: Deps, principal: Principal, id: string): Promise<Product> {
  return toProduct(await findProduct(deps.db, principal, id));
}
