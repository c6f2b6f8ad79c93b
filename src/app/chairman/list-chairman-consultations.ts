/** Use case: a customer's chairman consultations, newest first. */

import type { ChairmanConsultation } from '../../contract/next-visit-plans.js';
import type { Deps, Principal } from '../context.js';
import { listOfCustomer } from '../record-store.js';
import { chairmanConsultations } from './chairman-store.js';

/** The consultations of a customer the caller may see (NOT_FOUND otherwise). */
export async function listChairmanConsultations(
  deps: Deps,
  principal: Principal,
  customerId: string,
): Promise<ChairmanConsultation[]> {
  return listOfCustomer(deps.db, principal, customerId, chairmanConsultations, [
    'created_at desc',
    'id desc',
  ]);
}
