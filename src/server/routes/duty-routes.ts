/** Routes of team duties: the assistants' queues and hand-offs of customers inside the team. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.js';
import { getAfterSalesQueue } from '../../app/duties/get-after-sales-queue.js';
import { getProspectingQueue } from '../../app/duties/get-prospecting-queue.js';
import { handoffCustomer } from '../../app/duties/handoff-customer.js';
import { listHandoffs } from '../../app/duties/list-handoffs.js';
import { customerView } from '../../contract/customers.js';
import { errorResponses } from '../../contract/error-body.js';
import {
  afterSalesQueueQuery,
  afterSalesQueueView,
  handoffInput,
  handoffView,
  prospectingQueueQuery,
  prospectingQueueView,
} from '../../contract/team.js';
import { requirePrincipal } from '../auth.js';

const idParams = z.strictObject({ id: z.uuid() });

/** Registers /api/queues/* and /api/customers/:id/handoff(s). */
export function registerDutyRoutes(app: FastifyInstance, deps: Deps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses(400, 401, 403, 404, 409);
  const tags = ['team'];

  routes.get(
    '/api/queues/prospecting',
    {
      schema: {
        summary:
          'A prospecting assistant’s queue (own; a lead: their assistants’; a manager: anyone’s) with the week’s quota',
        tags,
        querystring: prospectingQueueQuery,
        response: { 200: prospectingQueueView, ...errors },
      },
    },
    async (request) => getProspectingQueue(deps, requirePrincipal(request), request.query),
  );
  routes.get(
    '/api/queues/after-sales',
    {
      schema: {
        summary: 'An after-sales assistant’s won customers, repeat candidates and expected funds',
        tags,
        querystring: afterSalesQueueQuery,
        response: { 200: afterSalesQueueView, ...errors },
      },
    },
    async (request) => getAfterSalesQueue(deps, requirePrincipal(request), request.query),
  );
  routes.post(
    '/api/customers/:id/handoff',
    {
      schema: {
        summary: 'Hand a qualified customer to the lead, or a won customer to after-sales',
        tags,
        params: idParams,
        body: handoffInput,
        response: { 201: z.object({ handoff: handoffView, customer: customerView }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await handoffCustomer(deps, requirePrincipal(request), request.params.id, request.body)),
  );
  routes.get(
    '/api/customers/:id/handoffs',
    {
      schema: {
        summary: 'The hand-offs of a customer, oldest first',
        tags,
        params: idParams,
        response: { 200: z.array(handoffView), ...errors },
      },
    },
    async (request) => listHandoffs(deps, requirePrincipal(request), request.params.id),
  );
}
