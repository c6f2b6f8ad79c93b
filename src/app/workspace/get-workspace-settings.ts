/** Use case: read the workspace's method settings (any member). */

import type { WorkspaceSettings } from '../../contract/settings.js';
import type { Deps, Principal } from '../context.js';
import { findWorkspaceSettings, toWorkspaceSettings } from './workspace-store.js';

/** The caller's workspace settings. */
export async function getWorkspaceSettings(deps: Deps, principal: Principal): Promise<WorkspaceSettings> {
  return toWorkspaceSettings(await findWorkspaceSettings(deps.db, principal));
}
