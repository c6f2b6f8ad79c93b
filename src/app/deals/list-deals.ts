/** Use case: list the deals the caller may see, in creation order, with keyset pagination. */
import { type Deal, listDealsQuery } from '../../contract/deals.js';
import type { Deps, Principal } from '../context.js';
import { visibleCustomerIds } from '../customers/visible-customer.js';
import { decodeCursor, type Page, toPage } from '../pagination.js';
import { parseInput } from '../validation.js';
import { productIdsOf, toDeal } from './deal-store.js';

/** Lists deals of the customers visible to the caller, ordered by creation time then id. */
export async function listDeals(deps: Deps, principal: Principal, query: unknown): Promise<Page<Deal>> {
  const p = parseInput(listDealsQuery, query);
  let q = deps.db
    .selectFrom('deals')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', 'in', visibleCustomerIds(deps.db, principal));
  if (p.customerId) q = q.where('customer_id', '=', p.customerId);
  if (p.signedFrom) q = q.where('signed_on', '>=', p.signedFrom);
  if (p.signedTo) q = q.where('signed_on', '<=', p.signedTo);
  if (p.cursor) {
    const cursor = decodeCursor(p.cursor);
    const op = p.order === 'asc' ? '>' : '<';
    q = q.where(({ eb, or, and }) =>
      or([eb('created_at', op, cursor.v), and([eb('created_at', '=', cursor.v), eb('id', op, cursor.id)])]),
    );
  }
  const rows = await q
    .orderBy('created_at', p.order)
    .orderBy('id', p.order)
    .limit(p.limit + 1)
    .execute();
  const products = await productIdsOf(
    deps.db,
    principal,
    rows.slice(0, p.limit).map((r) => r.id),
  );
  return toPage(
    rows,
    p.limit,
    (r) => r.created_at,
    (r) => toDeal(r, products.get(r.id) ?? []),
  );
}
