/** Use case: a customer's stage history (every change of its status), for whoever may see the customer. */
import type { StageChange } from '../../contract/customers.js';
import type { Deps, Principal } from '../context.js';
import { listOfCustomer } from '../record-store.js';
import { toStageChange } from './stage-changes.js';

/** Every status change of a customer the caller may see (NOT_FOUND otherwise), oldest first. */
export function getStageHistory(
  deps: Deps,
  principal: Principal,
  customerId: string,
): Promise<StageChange[]> {
  return listOfCustomer(
    deps.db,
    principal,
    customerId,
    { table: 'customer_stage_changes', toView: toStageChange },
    ['changed_at', 'id'],
  );
}
