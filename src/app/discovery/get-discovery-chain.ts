/** Use cases: read the discovery chain in force, and all its versions. */

import type { DiscoveryChainView } from '../../contract/method.js';
import type { Deps, Principal } from '../context.js';
import { chainVersions, currentChain } from './discovery-store.js';

/** The chain in force for the caller's workspace (the built-in version 0 until a manager edits it). */
export async function getDiscoveryChain(deps: Deps, principal: Principal): Promise<DiscoveryChainView> {
  return currentChain(deps.db, principal.workspaceId);
}

/** Every version, newest first; visits keep answers to older versions, so they stay readable. */
export async function listDiscoveryChainVersions(
  deps: Deps,
  principal: Principal,
): Promise<DiscoveryChainView[]> {
  return chainVersions(deps.db, principal.workspaceId);
}
