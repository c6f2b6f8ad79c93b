/** Use case: read one customer the caller may see. */

import type { CustomerListItem } from '../../contract/customers.js';
import type { Deps, Principal } from '../context.js';
import { workspaceToday } from '../workspace/workspace-today.js';
import { withCounts } from './customer-counts.js';
import { customers } from './customer-store.js';

/**
 * The customer with the counts its list row shows (meetings so far, overdue follow-ups) —
 * so a page about one customer needs no counting of its own; NOT_FOUND when it does not
 * exist, is another workspace's, or is outside the caller's rights.
 */
export async function getCustomer(deps: Deps, principal: Principal, id: string): Promise<CustomerListItem> {
  const row = await customers.find(deps.db, principal, id);
  const { today } = await workspaceToday(deps.db, deps, principal.workspaceId);
  const [customer] = await withCounts(deps.db, principal.workspaceId, [row], today);
  // One row in, one row out.
  return customer as CustomerListItem;
}
