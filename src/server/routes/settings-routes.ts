/** Routes of the workspace's method settings (the third-meeting policy …). */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { getWorkspaceSettings } from '../../app/workspace/get-workspace-settings.js';
import { updateWorkspaceSettings } from '../../app/workspace/update-workspace-settings.js';
import { settingsRoutes } from '../../contract/settings.js';
import { callerRoutes } from './use-case-routes.js';

/** Registers /api/workspace/settings. */
export function registerSettingsRoutes(app: FastifyInstance, deps: Deps): void {
  const answer = callerRoutes(app, deps);
  answer.caller(settingsRoutes.get, getWorkspaceSettings);
  answer.body(settingsRoutes.update, updateWorkspaceSettings);
}
