/** Use case: read the objection catalog (built-in entries, the workspace's edits and its own keys). */

import type { ObjectionTypeView } from '../../contract/method.js';
import type { Deps, Principal } from '../context.js';
import { loadCatalog, toObjectionType } from './objection-store.js';

/** The effective catalog, archived entries included (marked), for every member of the workspace. */
export async function listObjectionTypes(deps: Deps, principal: Principal): Promise<ObjectionTypeView[]> {
  return (await loadCatalog(deps.db, principal.workspaceId)).map(toObjectionType);
}
