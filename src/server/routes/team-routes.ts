/** Routes of team duties: the assistants' queues and hand-offs of customers inside the team. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { getAfterSalesQueue } from '../../app/duties/get-after-sales-queue.js';
import { getProspectingQueue } from '../../app/duties/get-prospecting-queue.js';
import { handoffCustomer } from '../../app/duties/handoff-customer.js';
import { listHandoffs } from '../../app/duties/list-handoffs.js';
import { teamRoutes } from '../../contract/team.js';
import { requirePrincipal } from '../auth.js';
import { serve } from '../serve.js';

/** Registers /api/queues/* and /api/customers/:id/handoff(s). */
export function registerTeamRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, teamRoutes.prospectingQueue, async ({ query }, request) =>
    getProspectingQueue(deps, requirePrincipal(request), query),
  );
  serve(app, teamRoutes.afterSalesQueue, async ({ query }, request) =>
    getAfterSalesQueue(deps, requirePrincipal(request), query),
  );
  serve(app, teamRoutes.handoff, async ({ params, body }, request) =>
    handoffCustomer(deps, requirePrincipal(request), params.id, body),
  );
  serve(app, teamRoutes.handoffs, async ({ params }, request) =>
    listHandoffs(deps, requirePrincipal(request), params.id),
  );
}
