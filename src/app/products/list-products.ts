/** Use case: list the workspace's products by name, with keyset pagination. */
import { listProductsQuery, type Product } from '../../contract/products.js';
import type { Deps, Principal } from '../context.js';
import { keysetPage, type Page } from '../pagination.js';
import { parseInput } from '../validation.js';
import { products } from './product-store.js';

/** Lists the products of the caller's workspace, ordered by name then id. */
export async function listProducts(deps: Deps, principal: Principal, query: unknown): Promise<Page<Product>> {
  const p = parseInput(listProductsQuery, query);
  const rows = deps.db.selectFrom('products').selectAll().where('workspace_id', '=', principal.workspaceId);
  return keysetPage(rows, 'name', p, products.toView);
}
