/**
 * Routes of progress: actual vs plan at a level and dimension, the year-end forecast,
 * and the caller's Today. Read-only; every member may call them and sees their scope
 * (a manager the workspace, a lead the team, Today the caller's own share).
 */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { computeForecast } from '../../app/progress/compute-forecast.js';
import { computeProgress } from '../../app/progress/compute-progress.js';
import { getToday } from '../../app/progress/get-today.js';
import { progressRoutes } from '../../contract/progress.js';
import { callerRoutes } from './use-case-routes.js';

/** Registers /api/progress, /api/forecast and /api/today. */
export function registerProgressRoutes(app: FastifyInstance, deps: Deps): void {
  const answer = callerRoutes(app, deps);
  answer.query(progressRoutes.progress, computeProgress);
  answer.query(progressRoutes.forecast, computeForecast);
  answer.query(progressRoutes.today, getToday);
}
