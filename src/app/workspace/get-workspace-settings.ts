/** Use case: read the workspace's method settings (any member). */

import type { WorkspaceSettings } from '../../contract/settings.js';
import type { Deps, Principal } from '../context.js';
import { toWorkspaceSettings } from './workspace-settings.js';

/** The caller's workspace settings. */
export async function getWorkspaceSettings(deps: Deps, principal: Principal): Promise<WorkspaceSettings> {
  const row = await deps.db
    .selectFrom('workspaces')
    .select(['name', 'currency', 'time_zone', 'third_meeting_policy', 'version'])
    .where('id', '=', principal.workspaceId)
    .executeTakeFirstOrThrow();
  return toWorkspaceSettings(row);
}
