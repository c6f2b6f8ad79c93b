/** Use case: plan the next visit to a customer by hand (source `manual`). */
import { createNextVisitPlanInput, type NextVisitPlan } from '../../contract/next-visit-plans.js';
import type { Deps, Principal } from '../context.js';
import { requireVisibleCustomer } from '../customers/visible-customer.js';
import { parseInput } from '../validation.js';
import { insertNextVisitPlan } from './next-visit-plan-store.js';

/** Plans the next visit to a customer the caller may see (NOT_FOUND otherwise). */
export async function createNextVisitPlan(
  deps: Deps,
  principal: Principal,
  customerId: string,
  input: unknown,
): Promise<NextVisitPlan> {
  const body = parseInput(createNextVisitPlanInput, input);
  return deps.db.transaction().execute(async (trx) => {
    await requireVisibleCustomer(trx, principal, customerId);
    return insertNextVisitPlan(trx, deps, principal, {
      customerId,
      source: 'manual',
      sourceId: null,
      goal: body.goal,
      meetWhom: body.meetWhom ?? [],
      bring: body.bring ?? null,
      plannedOn: body.plannedOn ?? null,
    });
  });
}
