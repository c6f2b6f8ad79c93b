/** Use case: list the workspace's products by name, with keyset pagination. */
import { z } from 'zod';
import type { Deps, Principal } from '../context.js';
import { decodeCursor, type Page, toPage } from '../pagination.js';
import { parseInput } from '../validation.js';
import { type Product, toProduct } from './product-schema.js';

/** Query of "list products". */
export const listProductsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

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
