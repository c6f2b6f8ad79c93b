/** Use case: read one deal the caller may see. */

import type { Deal } from '../../contract/deals.js';
import type { Deps, Principal } from '../context.js';
import { toDeal } from './deal-schema.js';
import { findVisibleDeal, productIdsOf } from './deal-store.js';

/** The deal with its product ids, or NOT_FOUND when its customer is not visible to the caller. */
export async function getDeal(deps: Deps, principal: Principal, id: string): Promise<Deal> {
  const row = await findVisibleDeal(deps.db, principal, id);
  const products = await productIdsOf(deps.db, principal, [id]);
  return toDeal(row, products.get(id) ?? []);
}
