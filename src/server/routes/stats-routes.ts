/** Routes of the method's statistics: meetings to close, objections and replies, seminar results. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { getSeminarStats } from '../../app/seminars/get-seminar-stats.js';
import { getMeetingStats } from '../../app/stats/get-meeting-stats.js';
import { getObjectionStats } from '../../app/stats/objection-stats.js';
import { statsRoutes } from '../../contract/stats.js';
import { callerRoutes } from './use-case-routes.js';

/** Registers /api/stats/meetings, /api/stats/objections and /api/stats/seminars. */
export function registerStatsRoutes(app: FastifyInstance, deps: Deps): void {
  const answer = callerRoutes(app, deps);
  answer.query(statsRoutes.meetings, getMeetingStats);
  answer.query(statsRoutes.objections, getObjectionStats);
  answer.query(statsRoutes.seminars, getSeminarStats);
}
