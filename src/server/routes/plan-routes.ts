/**
 * Routes of plans: save a revision from the same settings as `closer plan`, list the
 * revisions, and read a plan's decomposition whole or at one level and dimension.
 */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { listPlans } from '../../app/plans/get-plan.js';
import { readPlan } from '../../app/plans/read-plan.js';
import { savePlan } from '../../app/plans/save-plan.js';
import { planRoutes } from '../../contract/plans.js';
import { requirePrincipal } from '../auth.js';
import { serve } from '../serve.js';
import { callerRoutes } from './use-case-routes.js';

/** Registers /api/plans. */
export function registerPlanRoutes(app: FastifyInstance, deps: Deps): void {
  const answer = callerRoutes(app, deps);
  answer.body(planRoutes.save, savePlan);
  answer.caller(planRoutes.list, listPlans);
  serve(app, planRoutes.read, async ({ params, query }, request) =>
    readPlan(deps, requirePrincipal(request), params.year, query),
  );
}
