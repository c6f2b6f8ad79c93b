/** Use case: list the visits the caller may see, newest first by default, with keyset pagination. */
import { listVisitsQuery, type Visit } from '../../contract/visits.js';
import type { Deps, Principal } from '../context.js';
import { keysetPage, type Page } from '../pagination.js';
import { visibleRows } from '../record-store.js';
import { parseInput } from '../validation.js';
import { visits } from './visit-store.js';

/** Lists visits of the customers visible to the caller, ordered by visit date then id. */
export async function listVisits(deps: Deps, principal: Principal, query: unknown): Promise<Page<Visit>> {
  const p = parseInput(listVisitsQuery, query);
  let q = visibleRows(deps.db, principal, 'visits', p.customerId);
  if (p.from) q = q.where('visit_on', '>=', p.from);
  if (p.to) q = q.where('visit_on', '<=', p.to);
  return keysetPage(q, 'visit_on', p, visits.toView);
}
