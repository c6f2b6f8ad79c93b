/** Use case: list the workspace's products by name, with keyset pagination. */
import { listProductsQuery, type Product } from '../../contract/products.js';
import type { Deps, Principal } from '../context.js';
import { decodeCursor, type Page, toPage } from '../pagination.js';
import { parseInput } from '../validation.js';
import { toProduct } from './product-schema.js';

/** Lists the products of the caller's workspace, ordered by name then id. */
export async function listProducts(deps: Deps, principal: Principal, query: unknown): Promise<Page<Product>> {
  const p = parseInput(listProductsQuery, query);
  let q = deps.db.selectFrom('products').selectAll().where('workspace_id', '=', principal.workspaceId);
  if (p.cursor) {
    const cursor = decodeCursor(p.cursor);
    q = q.where(({ eb, or, and }) =>
      or([eb('name', '>', cursor.v), and([eb('name', '=', cursor.v), eb('id', '>', cursor.id)])]),
    );
  }
  const rows = await q
    .orderBy('name', 'asc')
    .orderBy('id', 'asc')
    .limit(p.limit + 1)
    .execute();
  return toPage(rows, p.limit, (r) => r.name, toProduct);
}
