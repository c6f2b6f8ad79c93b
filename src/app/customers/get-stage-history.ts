/** Use case: a customer's stage history, oldest first. */
import { AppError } from '../../domain/errors.js';
import { visibleCustomers } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { type StageChange, toStageChange } from './stage-changes.js';

/** Every status change of a customer the caller may see (NOT_FOUND otherwise), oldest first. */
export async function getStageHistory(
  deps: Deps,
  principal: Principal,
  customerId: string,
): Promise<StageChange[]> {
  const customer = await visibleCustomers(deps.db, principal)
    .select('customers.id')
    .where('customers.id', '=', customerId)
    .executeTakeFirst();
  if (!customer) throw new AppError('NOT_FOUND', { entity: 'customer', id: customerId });
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
