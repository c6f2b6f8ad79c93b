/**
 * Routes of seminars (会销): the seminar records, their invitation quotas, the invitations
 * and the statistics that compare seminar attendees with meeting-only customers.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.js';
import { createSeminar } from '../../app/seminars/create-seminar.js';
import { deleteInvitation } from '../../app/seminars/delete-invitation.js';
import { deleteSeminar } from '../../app/seminars/delete-seminar.js';
import { getSeminar } from '../../app/seminars/get-seminar.js';
import { getSeminarQuotas } from '../../app/seminars/get-seminar-quotas.js';
import { getSeminarStats } from '../../app/seminars/get-seminar-stats.js';
import { inviteCustomers } from '../../app/seminars/invite-customers.js';
import { listInvitations } from '../../app/seminars/list-invitations.js';
import { listSeminars } from '../../app/seminars/list-seminars.js';
import { updateInvitation } from '../../app/seminars/update-invitation.js';
import { updateSeminar } from '../../app/seminars/update-seminar.js';
import { errorResponses } from '../../contract/error-body.js';
import {
  createSeminarInput,
  invitationView,
  inviteCustomersInput,
  listSeminarsQuery,
  seminarQuotasQuery,
  seminarQuotasView,
  seminarView,
  updateInvitationInput,
  updateSeminarInput,
} from '../../contract/seminars.js';
import { seminarStatsQuery, seminarStatsView } from '../../contract/stats.js';
import { requirePrincipal } from '../auth.js';
import { registerCrudRoutes } from './crud-routes.js';

const idParams = z.strictObject({ id: z.uuid() });

/** Registers /api/seminars…, /api/seminar-invitations/:id and /api/stats/seminars. */
export function registerSeminarRoutes(app: FastifyInstance, deps: Deps): void {
  registerCrudRoutes(app, deps, {
    path: 'seminars',
    noun: 'seminar',
    view: seminarView,
    createInput: createSeminarInput,
    updateInput: updateSeminarInput,
    listQuery: listSeminarsQuery,
    create: createSeminar,
    get: getSeminar,
    list: listSeminars,
    update: updateSeminar,
    remove: deleteSeminar,
  });
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses(400, 401, 403, 404, 409);
  const tags = ['seminars'];

  routes.get(
    '/api/seminars/:id/quotas',
    {
      schema: {
        summary:
          'Invitation quotas per market, city and class, with invitations made and remaining (default: the plan’s invitations per seminar, else the capacity)',
        tags,
        params: idParams,
        querystring: seminarQuotasQuery,
        response: { 200: seminarQuotasView, ...errors },
      },
    },
    async (request) => getSeminarQuotas(deps, requirePrincipal(request), request.params.id, request.query),
  );
  routes.post(
    '/api/seminars/:id/invitations',
    {
      schema: {
        summary: 'Invite customers you may see; customers already invited are listed, not invited twice',
        tags,
        params: idParams,
        body: inviteCustomersInput,
        response: {
          201: z.object({ invited: z.array(invitationView), alreadyInvited: z.array(z.string()) }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inviteCustomers(deps, requirePrincipal(request), request.params.id, request.body)),
  );
  routes.get(
    '/api/seminars/:id/invitations',
    {
      schema: {
        summary: 'The invitations of a seminar to customers you may see',
        tags,
        params: idParams,
        response: { 200: z.array(invitationView), ...errors },
      },
    },
    async (request) => listInvitations(deps, requirePrincipal(request), request.params.id),
  );
  routes.patch(
    '/api/seminar-invitations/:id',
    {
      schema: {
        summary:
          'Record the answer (rsvp) and attendance of an invitation; attendance only from the seminar’s date',
        tags,
        params: idParams,
        body: updateInvitationInput,
        response: { 200: invitationView, ...errors },
      },
    },
    async (request) => updateInvitation(deps, requirePrincipal(request), request.params.id, request.body),
  );
  routes.delete(
    '/api/seminar-invitations/:id',
    {
      schema: {
        summary: 'Withdraw an invitation',
        tags,
        params: idParams,
        response: { 204: z.null().describe('No content'), ...errors },
      },
    },
    async (request, reply) => {
      await deleteInvitation(deps, requirePrincipal(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  routes.get(
    '/api/stats/seminars',
    {
      schema: {
        summary:
          'Seminar results per seminar (invited, accepted, attended, signed within 60 days) against meeting-only customers',
        tags,
        querystring: seminarStatsQuery,
        response: { 200: seminarStatsView, ...errors },
      },
    },
    async (request) => getSeminarStats(deps, requirePrincipal(request), request.query),
  );
}
