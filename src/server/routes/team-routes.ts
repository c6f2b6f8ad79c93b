/** Routes of team duties: the assistants' queues and hand-offs of customers inside the team. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { getAfterSalesQueue } from '../../app/duties/get-after-sales-queue.js';
import { getProspectingQueue } from '../../app/duties/get-prospecting-queue.js';
import { handoffCustomer } from '../../app/duties/handoff-customer.js';
import { listHandoffs } from '../../app/duties/list-handoffs.js';
import { teamRoutes } from '../../contract/team.js';
import { callerRoutes } from './use-case-routes.js';

/** Registers /api/queues/* and /api/customers/:id/handoff(s). */
export function registerTeamRoutes(app: FastifyInstance, deps: Deps): void {
  const answer = callerRoutes(app, deps);
  answer.query(teamRoutes.prospectingQueue, getProspectingQueue);
  answer.query(teamRoutes.afterSalesQueue, getAfterSalesQueue);
  answer.idBody(teamRoutes.handoff, handoffCustomer);
  answer.id(teamRoutes.handoffs, listHandoffs);
}
