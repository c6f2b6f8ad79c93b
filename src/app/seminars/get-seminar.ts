/** Use case: read one seminar (any member of the workspace). */

import type { Seminar } from '../../contract/seminars.js';
import type { Deps, Principal } from '../context.js';
import { seminars } from './seminar-store.js';

/** The seminar, or NOT_FOUND when it is not the caller's workspace's. */
export async function getSeminar(deps: Deps, principal: Principal, id: string): Promise<Seminar> {
  return seminars.toView(await seminars.find(deps.db, principal, id));
}
