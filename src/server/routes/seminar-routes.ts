/** Routes of seminars (会销): the seminar records, their invitation quotas and the invitations. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { createSeminar } from '../../app/seminars/create-seminar.js';
import { deleteInvitation } from '../../app/seminars/delete-invitation.js';
import { deleteSeminar } from '../../app/seminars/delete-seminar.js';
import { getSeminar } from '../../app/seminars/get-seminar.js';
import { getSeminarQuotas } from '../../app/seminars/get-seminar-quotas.js';
import { inviteCustomers } from '../../app/seminars/invite-customers.js';
import { listInvitations } from '../../app/seminars/list-invitations.js';
import { listSeminars } from '../../app/seminars/list-seminars.js';
import { updateInvitation } from '../../app/seminars/update-invitation.js';
import { updateSeminar } from '../../app/seminars/update-seminar.js';
import { seminarRoutes } from '../../contract/seminars.js';
import { serveRecords } from './record-routes.js';
import { callerRoutes } from './use-case-routes.js';

/** Registers /api/seminars… and /api/seminar-invitations/:id. */
export function registerSeminarRoutes(app: FastifyInstance, deps: Deps): void {
  const answer = callerRoutes(app, deps);
  serveRecords(app, deps, seminarRoutes, {
    list: listSeminars,
    create: createSeminar,
    get: getSeminar,
    update: updateSeminar,
    remove: deleteSeminar,
  });
  answer.idQuery(seminarRoutes.quotas, getSeminarQuotas);
  answer.idBody(seminarRoutes.invite, inviteCustomers);
  answer.id(seminarRoutes.invitations, listInvitations);
  answer.idBody(seminarRoutes.updateInvitation, updateInvitation);
  answer.remove(seminarRoutes.removeInvitation, deleteInvitation);
}
