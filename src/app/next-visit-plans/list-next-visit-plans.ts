/** Use case: a customer's next-visit plans, open ones first, then newest first. */

import type { NextVisitPlan } from '../../contract/next-visit-plans.js';
import type { Deps, Principal } from '../context.js';
import { requireVisibleCustomer } from '../customers/visible-customer.js';
import { toNextVisitPlan } from './next-visit-plan-schema.js';

/** The plans of a customer the caller may see (NOT_FOUND otherwise). */
export async function listNextVisitPlans(
  deps: Deps,
  principal: Principal,
  customerId: string,
): Promise<NextVisitPlan[]> {
  await requireVisibleCustomer(deps.db, principal, customerId);
  const rows = await deps.db
    .selectFrom('next_visit_plans')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const plans = rows.map(toNextVisitPlan);
  return [...plans.filter((p) => p.status === 'open'), ...plans.filter((p) => p.status !== 'open')];
}
