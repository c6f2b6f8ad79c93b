/** Every workspace route, registered in one place, by resource. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { registerCalendarRoutes } from './calendar-routes.js';
import { registerCatalogRoutes } from './catalog-routes.js';
import { registerCustomerRoutes } from './customer-routes.js';
import { registerDealRoutes } from './deal-routes.js';
import { registerImportExportRoutes } from './import-export-routes.js';
import { registerMethodRoutes } from './method-routes.js';
import { registerPlanRoutes } from './plan-routes.js';
import { registerProgressRoutes } from './progress-routes.js';
import { registerSeminarRoutes } from './seminar-routes.js';
import { registerSettingsRoutes } from './settings-routes.js';
import { registerStatsRoutes } from './stats-routes.js';
import { registerTeamRoutes } from './team-routes.js';

/** Registers the workspace routes (records, method, plans, progress, files, feeds) on `app`. */
export function registerWorkspaceRoutes(app: FastifyInstance, deps: Deps): void {
  registerCustomerRoutes(app, deps);
  registerDealRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerMethodRoutes(app, deps);
  registerSeminarRoutes(app, deps);
  registerStatsRoutes(app, deps);
  registerTeamRoutes(app, deps);
  registerProgressRoutes(app, deps);
  registerImportExportRoutes(app, deps);
  registerCalendarRoutes(app, deps);
}
