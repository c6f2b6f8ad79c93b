/** Use case: change the workspace's method settings (managers), under optimistic concurrency. */

import { updateWorkspaceSettingsInput, type WorkspaceSettings } from '../../contract/settings.js';
import { AppError } from '../../domain/errors.js';
import { requireManager } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { toWorkspaceSettings } from './workspace-settings.js';

/** Applies the settings if `version` is current (else CONFLICT.STALE); AUTH.FORBIDDEN for non-managers. */
export async function updateWorkspaceSettings(
  deps: Deps,
  principal: Principal,
  input: unknown,
): Promise<WorkspaceSettings> {
  requireManager(principal);
  const { version, ...fields } = parseInput(updateWorkspaceSettingsInput, input);
  const columns = ['name', 'currency', 'time_zone', 'third_meeting_policy', 'version'] as const;
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('workspaces')
      .select(columns)
      .where('id', '=', principal.workspaceId)
      .executeTakeFirstOrThrow();
    if (before.version !== version) {
      throw new AppError('CONFLICT.STALE', {
        entity: 'workspace',
        id: principal.workspaceId,
        version,
        currentVersion: before.version,
      });
    }
    const result = await trx
      .updateTable('workspaces')
      .set({
        ...(fields.thirdMeetingPolicy !== undefined
          ? { third_meeting_policy: fields.thirdMeetingPolicy }
          : {}),
        updated_at: deps.clock().toISOString(),
        version: version + 1,
      })
      .where('id', '=', principal.workspaceId)
      .where('version', '=', version)
      .returning(columns)
      .executeTakeFirst();
    if (!result)
      throw new AppError('CONFLICT.STALE', { entity: 'workspace', id: principal.workspaceId, version });
    const after = toWorkspaceSettings(result);
    await recordAudit(trx, deps, principal, {
      entity: 'workspace',
      entityId: principal.workspaceId,
      action: 'update',
      before: toWorkspaceSettings(before),
      after,
    });
    return after;
  });
}
