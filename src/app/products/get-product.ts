/** Use case: read one product of the caller's workspace. */

import type { Product } from '../../contract/products.js';
import type { Deps, Principal } from '../context.js';
import { products } from './product-store.js';

/** The product, or NOT_FOUND when it is not the caller's workspace's. */
export async function getProduct(deps: Deps, principal: Principal, id: string): Promise<Product> {
  return products.toView(await products.find(deps.db, principal, id));
}
