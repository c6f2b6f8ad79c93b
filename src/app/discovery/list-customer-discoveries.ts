/**
 * Use case: what a customer's visits found out — each visit's discovery answers (with the
 * chain version they answer) and pains — so the customer page can show them on the visit
 * timeline with one request instead of one per visit.
 */
import { AppError } from '../../domain/errors.js';
import { visibleCustomers } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { toVisitDiscovery, type VisitDiscovery } from './record-visit-discovery.js';

/**
 * The discoveries of a customer's visits that have one (answers or pains written), newest
 * visit first; NOT_FOUND when the caller cannot see the customer.
 */
export async function listCustomerDiscoveries(
  deps: Deps,
  principal: Principal,
  customerId: string,
): Promise<VisitDiscovery[]> {
  const customer = await visibleCustomers(deps.db, principal)
    .select('customers.id')
    .where('customers.id', '=', customerId)
    .executeTakeFirst();
  if (!customer) throw new AppError('NOT_FOUND', { entity: 'customer', id: customerId });
  const rows = await deps.db
    .selectFrom('visits')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', '=', customerId)
    .where('discovery_version', 'is not', null)
    .orderBy('visit_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toVisitDiscovery);
}
