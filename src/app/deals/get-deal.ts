/** Use case: read one deal the caller may see. */

import type { Deal } from '../../contract/deals.js';
import type { Deps, Principal } from '../context.js';
import { findDeal, toDeal } from './deal-store.js';

/** The deal with its product ids, or NOT_FOUND when its customer is not visible to the caller. */
export async function getDeal(deps: Deps, principal: Principal, id: string): Promise<Deal> {
  const { row, productIds } = await findDeal(deps.db, principal, id);
  return toDeal(row, productIds);
}
