/** Use case: a customer's next-visit plans, open ones first, then newest first. */

import type { NextVisitPlan } from '../../contract/next-visit-plans.js';
import type { Deps, Principal } from '../context.js';
import { listOfCustomer } from '../record-store.js';
import { nextVisitPlans } from './next-visit-plan-store.js';

/** The plans of a customer the caller may see (NOT_FOUND otherwise). */
export async function listNextVisitPlans(
  deps: Deps,
  principal: Principal,
  customerId: string,
): Promise<NextVisitPlan[]> {
  const plans = await listOfCustomer(deps.db, principal, customerId, nextVisitPlans, [
    'created_at desc',
    'id desc',
  ]);
  return [...plans.filter((p) => p.status === 'open'), ...plans.filter((p) => p.status !== 'open')];
}
