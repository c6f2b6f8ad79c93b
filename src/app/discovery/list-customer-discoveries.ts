import type { VisitDiscovery } from '../../contract/method.js';
import type { Deps, Principal } from '../context.js';
import { requireVisibleCustomer } from '../customers/visible-customer.js';
import { toVisitDiscovery } from './record-visit-discovery.js';

/**
 * The discoveries of a customer's visits that have one (answers or pains written), newest
 * visit first; NOT_FOUND when the caller cannot see the customer.
 */
export async function listCustomerDiscoveries(
  deps: Deps,
  principal: Principal,
  customerId: string,
): Promise<VisitDiscovery[]> {
  await requireVisibleCustomer(deps.db, principal, customerId);
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
