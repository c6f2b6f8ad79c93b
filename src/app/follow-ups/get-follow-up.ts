/** Use case: read one follow-up the caller may see. */

import type { FollowUp } from '../../contract/follow-ups.js';
import type { Deps, Principal } from '../context.js';
import { followUps } from './follow-up-store.js';

/** The follow-up, or NOT_FOUND when its customer is not visible to the caller. */
export async function getFollowUp(deps: Deps, principal: Principal, id: string): Promise<FollowUp> {
  return followUps.toView(await followUps.find(deps.db, principal, id));
}
