/**
 * The route map of the API: every route of the server, grouped by resource, each with its
 * method, path, schemas, success status, error statuses, summary and tags (src/contract/http.ts).
 * The server registers each entry with a handler; the web's client calls entries by name.
 * The exports (one route per list and format) are made by {@link exportRoute}.
 */
import { authRoutes } from './auth.js';
import { calendarRoutes } from './calendar.js';
import { closeAttemptRoutes } from './close-attempts.js';
import { contactRoutes } from './contacts.js';
import { customerRoutes } from './customers.js';
import { dealRoutes } from './deals.js';
import { followUpRoutes } from './follow-ups.js';
import { exportRoute, importRoutes } from './imports.js';
import { marketRoutes } from './markets.js';
import { discoveryRoutes, objectionTypeRoutes } from './method.js';
import { nextVisitRoutes } from './next-visit-plans.js';
import { planRoutes } from './plans.js';
import { productRoutes } from './products.js';
import { progressRoutes } from './progress.js';
import { seminarRoutes } from './seminars.js';
import { settingsRoutes } from './settings.js';
import { statsRoutes } from './stats.js';
import { systemRoutes } from './system.js';
import { teamRoutes } from './team.js';
import { visitRoutes } from './visits.js';

export { exportRoute };

/** Every route of the API by resource (exports aside: see {@link exportRoute}). */
export const api = {
  system: systemRoutes,
  auth: authRoutes,
  customers: customerRoutes,
  contacts: contactRoutes,
  visits: visitRoutes,
  followUps: followUpRoutes,
  nextVisits: nextVisitRoutes,
  deals: dealRoutes,
  products: productRoutes,
  markets: marketRoutes,
  seminars: seminarRoutes,
  discovery: discoveryRoutes,
  objectionTypes: objectionTypeRoutes,
  closeAttempts: closeAttemptRoutes,
  stats: statsRoutes,
  settings: settingsRoutes,
  plans: planRoutes,
  progress: progressRoutes,
  team: teamRoutes,
  imports: importRoutes,
  calendar: calendarRoutes,
} as const;
