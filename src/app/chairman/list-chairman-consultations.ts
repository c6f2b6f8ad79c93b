/** Use case: a customer's chairman consultations, newest first. */

import type { ChairmanConsultation } from '../../contract/next-visit-plans.js';
import type { Deps, Principal } from '../context.js';
import { requireVisibleCustomer } from '../customers/visible-customer.js';
import { toChairmanConsultation } from './chairman-schema.js';

/** The consultations of a customer the caller may see (NOT_FOUND otherwise). */
export async function listChairmanConsultations(
  deps: Deps,
  principal: Principal,
  customerId: string,
): Promise<ChairmanConsultation[]> {
  await requireVisibleCustomer(deps.db, principal, customerId);
  const rows = await deps.db
    .selectFrom('chairman_consultations')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toChairmanConsultation);
}
