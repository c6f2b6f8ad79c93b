/** Use case: the hand-offs of a customer the caller may see, oldest first. */
import { AppError } from '../../domain/errors.js';
import { visibleCustomers } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { type Handoff, toHandoff } from './handoff-schema.js';

/** Hand-offs of the customer; NOT_FOUND when the caller cannot see it. */
export async function listHandoffs(deps: Deps, principal: Principal, customerId: string): Promise<Handoff[]> {
  const customer = await visibleCustomers(deps.db, principal)
    .select('customers.id')
    .where('customers.id', '=', customerId)
    .executeTakeFirst();
  if (!customer) throw new AppError('NOT_FOUND', { entity: 'customer', id: customerId });
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
