/** Use case: what a customer's visits found out, newest visit first. */
import type { VisitDiscovery } from '../../contract/method.js';
import type { Deps, Principal } from '../context.js';
import { listOfCustomer } from '../record-store.js';
import { visitDiscoveries } from './discovery-store.js';

/**
 * The discoveries of a customer's visits that have one (answers or pains written), newest
 * visit first; NOT_FOUND when the caller cannot see the customer.
 */
export async function listCustomerDiscoveries(
  deps: Deps,
  principal: Principal,
  customerId: string,
): Promise<VisitDiscovery[]> {
  return listOfCustomer(
    deps.db,
    principal,
    customerId,
    visitDiscoveries,
    ['visit_on desc', 'created_at desc', 'id desc'],
    (visits) => visits.where('discovery_version', 'is not', null),
  );
}
