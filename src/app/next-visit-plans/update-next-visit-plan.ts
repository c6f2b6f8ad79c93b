/** Use case: change a next-visit plan (done with the visit that achieved it, dropped, or edited). */

import { updateNextVisitPlanInput } from '../../contract/next-visit-plans.js';
import { checkCustomerChild } from '../customers/customer-store.js';
import { defineUpdate } from '../record-update.js';
import { nextVisitPlans } from './next-visit-plan-store.js';

/**
 * Applies the fields if `version` is current (else CONFLICT.STALE); NOT_FOUND for a plan
 * whose customer the caller cannot see; `visitId` must be a visit to the same customer.
 */
export const updateNextVisitPlan = defineUpdate(nextVisitPlans, updateNextVisitPlanInput, async (update) => {
  const { visitId } = update.fields;
  // A stale form hears CONFLICT.STALE before a field error.
  if (visitId) update.requireVersion();
  await checkCustomerChild(
    update.trx,
    update.principal.workspaceId,
    update.before.customer_id,
    'visits',
    visitId,
    'visitId',
  );
  return update.save();
});
