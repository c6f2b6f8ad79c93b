/** Use case: list the deals the caller may see, in creation order, with keyset pagination. */
import { type Deal, listDealsQuery } from '../../contract/deals.js';
import type { Deps, Principal } from '../context.js';
import { keysetPage, type Page } from '../pagination.js';
import { visibleRows } from '../record-store.js';
import { parseInput } from '../validation.js';
import { productIdsOf, toDeal } from './deal-store.js';

/** Lists deals of the customers visible to the caller, ordered by creation time then id. */
export async function listDeals(deps: Deps, principal: Principal, query: unknown): Promise<Page<Deal>> {
  const p = parseInput(listDealsQuery, query);
  let q = visibleRows(deps.db, principal, 'deals', p.customerId);
  if (p.signedFrom) q = q.where('signed_on', '>=', p.signedFrom);
  if (p.signedTo) q = q.where('signed_on', '<=', p.signedTo);
  const page = await keysetPage(q, 'created_at', p, (row) => row);
  // The page's product sets in one query, once the page is known.
  const products = await productIdsOf(
    deps.db,
    principal,
    page.items.map((r) => r.id),
  );
  return { ...page, items: page.items.map((r) => toDeal(r, products.get(r.id) ?? [])) };
}
