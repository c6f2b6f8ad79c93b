/** Use case: list the visits the caller may see, newest first by default, with keyset pagination. */
import { listVisitsQuery, type Visit } from '../../contract/visits.js';
import type { Deps, Principal } from '../context.js';
import { visibleCustomerIds } from '../customers/visible-customer.js';
import { keysetPage, type Page } from '../pagination.js';
import { parseInput } from '../validation.js';
import { visits } from './visit-store.js';

/** Lists visits of the customers visible to the caller, ordered by visit date then id. */
export async function listVisits(deps: Deps, principal: Principal, query: unknown): Promise<Page<Visit>> {
  const p = parseInput(listVisitsQuery, query);
  let q = deps.db
    .selectFrom('visits')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', 'in', visibleCustomerIds(deps.db, principal));
  if (p.customerId) q = q.where('customer_id', '=', p.customerId);
  if (p.from) q = q.where('visit_on', '>=', p.from);
  if (p.to) q = q.where('visit_on', '<=', p.to);
  return keysetPage(q, 'visit_on', p, visits.toView);
}
