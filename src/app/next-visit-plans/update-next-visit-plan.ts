/** Use case: change a next-visit plan (done with the visit that achieved it, dropped, or edited). */

import { type NextVisitPlan, updateNextVisitPlanInput } from '../../contract/next-visit-plans.js';
import type { Deps, Principal } from '../context.js';
import { checkCustomerChild } from '../customers/customer-store.js';
import { parseInput } from '../validation.js';
import { nextVisitPlans } from './next-visit-plan-store.js';

/**
 * Applies the fields if `version` is current (else CONFLICT.STALE); NOT_FOUND for a plan
 * whose customer the caller cannot see; `visitId` must be a visit to the same customer.
 */
export async function updateNextVisitPlan(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<NextVisitPlan> {
  const { version, ...fields } = parseInput(updateNextVisitPlanInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await nextVisitPlans.find(trx, principal, id);
    // A stale form hears CONFLICT.STALE before a field error: so the version is
    // checked first (the guarded UPDATE below checks it again).
    if (fields.visitId) nextVisitPlans.requireVersion(before, version);
    await checkCustomerChild(
      trx,
      principal.workspaceId,
      before.customer_id,
      'visits',
      fields.visitId,
      'visitId',
    );
    return nextVisitPlans.updateAudited(
      trx,
      deps,
      principal,
      before,
      version,
      nextVisitPlans.columnsOf(fields),
    );
  });
}
