import type { Handoff } from '../../contract/team.js';
import type { Deps, Principal } from '../context.js';
import { requireVisibleCustomer } from '../customers/visible-customer.js';
import { toHandoff } from './handoff-schema.js';

/** Hand-offs of the customer; NOT_FOUND when the caller cannot see it. */
export async function listHandoffs(deps: Deps, principal: Principal, customerId: string): Promise<Handoff[]> {
  await requireVisibleCustomer(deps.db, principal, customerId);
  const rows = await deps.db
    .selectFrom('handoffs')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', '=', customerId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(toHandoff);
}
