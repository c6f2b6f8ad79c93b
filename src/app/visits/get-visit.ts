/** Use case: read one visit the caller may see. */
import type { Visit } from '../../contract/visits.js';
import type { Deps, Principal } from '../context.js';
import { visits } from './visit-store.js';

/** The visit, or NOT_FOUND when its customer is not visible to the caller. */
export async function getVisit(deps: Deps, principal: Principal, id: string): Promise<Visit> {
  return visits.toView(await visits.find(deps.db, principal, id));
}
