/** Routes of the workspace's method settings (the third-meeting policy …). */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { getWorkspaceSettings } from '../../app/workspace/get-workspace-settings.js';
import { updateWorkspaceSettings } from '../../app/workspace/update-workspace-settings.js';
import { settingsRoutes } from '../../contract/settings.js';
import { requirePrincipal } from '../auth.js';
import { serve } from '../serve.js';

/** Registers /api/workspace/settings. */
export function registerSettingsRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, settingsRoutes.get, async (_, request) => getWorkspaceSettings(deps, requirePrincipal(request)));
  serve(app, settingsRoutes.update, async ({ body }, request) =>
    updateWorkspaceSettings(deps, requirePrincipal(request), body),
  );
}
