/** Use case: change the workspace's method settings (managers), under optimistic concurrency. */

import { updateWorkspaceSettingsInput, type WorkspaceSettings } from '../../contract/settings.js';
import { requireManager } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { findWorkspaceSettings, toWorkspaceSettings, updateWorkspaceSettingsRow } from './workspace-store.js';

/** Applies the settings if `version` is current (else CONFLICT.STALE); AUTH.FORBIDDEN for non-managers. */
export async function updateWorkspaceSettings(
  deps: Deps,
  principal: Principal,
  input: unknown,
): Promise<WorkspaceSettings> {
  requireManager(principal);
  const { version, ...fields } = parseInput(updateWorkspaceSettingsInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findWorkspaceSettings(trx, principal);
    const row = await updateWorkspaceSettingsRow(trx, deps, principal, version, fields, before);
    const after = toWorkspaceSettings(row);
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
