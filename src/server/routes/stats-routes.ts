/** Routes of the method's statistics: meetings to close, objections and replies, seminar results. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { getSeminarStats } from '../../app/seminars/get-seminar-stats.js';
import { getMeetingStats } from '../../app/stats/get-meeting-stats.js';
import { getObjectionStats } from '../../app/stats/objection-stats.js';
import { statsRoutes } from '../../contract/stats.js';
import { requirePrincipal } from '../auth.js';
import { serve } from '../serve.js';

/** Registers /api/stats/meetings, /api/stats/objections and /api/stats/seminars. */
export function registerStatsRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, statsRoutes.meetings, async ({ query }, request) =>
    getMeetingStats(deps, requirePrincipal(request), query),
  );
  serve(app, statsRoutes.objections, async ({ query }, request) =>
    getObjectionStats(deps, requirePrincipal(request), query),
  );
  serve(app, statsRoutes.seminars, async ({ query }, request) =>
    getSeminarStats(deps, requirePrincipal(request), query),
  );
}
