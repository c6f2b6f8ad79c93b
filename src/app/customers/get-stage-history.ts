/** Use case: a customer's stage history (every change of its status), for whoever may see the customer. */
import type { StageChange } from '../../contract/customers.js';
import type { Deps, Principal } from '../context.js';
import { customers } from './customer-store.js';
import { toStageChange } from './stage-changes.js';

/** Every status change of a customer the caller may see (NOT_FOUND otherwise), oldest first. */
export async function getStageHistory(
  deps: Deps,
  principal: Principal,
  customerId: string,
): Promise<StageChange[]> {
  await customers.find(deps.db, principal, customerId);
  const rows = await deps.db
    .selectFrom('customer_stage_changes')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', '=', customerId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
  return rows.map(toStageChange);
}
