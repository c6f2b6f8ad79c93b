/** Seminars (会销) in the API: the record, its invitation quotas and the invitations. */
import { z } from 'zod';
import { page, recordStamps, text, updateInputOf, versionNumber } from './common.js';
import { idParams, noContent, RECORD_ERRORS, recordRoutes, route } from './http.js';

/** Fields a manager or lead may set on a seminar; anything else is rejected. */
export const seminarFields = z.strictObject({
  title: text(200),
  heldOn: z.iso.date(),
  city: text(100).nullable().optional(),
  venue: text(300).nullable().optional(),
  capacity: z.int().min(1).max(2000),
  status: z.enum(['planned', 'held', 'cancelled']).optional(),
  notes: z.string().max(10_000).nullable().optional(),
});

/** Body of "create a seminar". */
export const createSeminarInput = seminarFields;

/** Body of "update a seminar": any subset of the fields plus the version last read. */
export const updateSeminarInput = updateInputOf(seminarFields);

/** A seminar as returned by the API. */
export const seminarView = z.object({
  id: z.string(),
  title: z.string(),
  heldOn: z.string(),
  city: z.string().nullable(),
  venue: z.string().nullable(),
  capacity: z.int(),
  status: z.enum(['planned', 'held', 'cancelled']),
  notes: z.string().nullable(),
  ...recordStamps,
});

export type Seminar = z.infer<typeof seminarView>;

/** Body of "invite customers". */
export const inviteCustomersInput = z.strictObject({
  customerIds: z.array(z.uuid()).min(1).max(500),
});

/** Body of "update an invitation". */
export const updateInvitationInput = z.strictObject({
  rsvp: z.enum(['pending', 'yes', 'no']).optional(),
  attended: z.boolean().optional(),
  version: versionNumber,
});

/** An invitation as returned by the API. */
export const invitationView = z.object({
  id: z.string(),
  seminarId: z.string(),
  customerId: z.string(),
  invitedBy: z.string().nullable(),
  rsvp: z.enum(['pending', 'yes', 'no']),
  attended: z.boolean(),
  ...recordStamps,
});

export type Invitation = z.infer<typeof invitationView>;

/** Query of "list seminars": `from` and `to` (inclusive) bound the date held. */
export const listSeminarsQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  status: z.enum(['planned', 'held', 'cancelled']).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...page,
});

/** Query of "seminar quotas". */
export const seminarQuotasQuery = z.strictObject({
  invitations: z.coerce.number().int().min(0).max(2000).optional(),
});

const cell = z.object({ quota: z.int(), invited: z.int(), remaining: z.int() });

/** The quotas as returned by the API. */
export const seminarQuotasView = z.object({
  seminarId: z.string(),
  invitations: z.int(),
  /** Where the number of invitations came from. */
  source: z.enum(['query', 'plan', 'capacity']),
  plan: z.object({ year: z.int(), revision: z.int() }).nullable(),
  classNeed: z.object({ A: z.int(), B: z.int(), C: z.int(), new: z.int() }),
  markets: z.array(
    z.object({
      marketId: z.string(),
      name: z.string(),
      sharePercent: z.number(),
      quota: z.int(),
      invited: z.int(),
      cities: z.array(
        z.object({
          city: z.string(),
          quota: z.int(),
          invited: z.int(),
          remaining: z.int(),
          classes: z.object({ A: cell, B: cell, C: cell, new: cell }),
        }),
      ),
    }),
  ),
  /** Invitations whose customer has no market or a city outside its market's cities. */
  unmatchedInvited: z.int(),
});

export type SeminarQuotas = z.infer<typeof seminarQuotasView>;

const tags = ['seminars'];

/** The seminar routes: the record's five, its quotas and invitations. */
export const seminarRoutes = {
  ...recordRoutes('seminars', 'seminar', {
    view: seminarView,
    createInput: createSeminarInput,
    updateInput: updateSeminarInput,
    listQuery: listSeminarsQuery,
  }),
  quotas: route({
    method: 'GET',
    path: '/api/seminars/:id/quotas',
    summary:
      'Invitation quotas per market, city and class, with invitations made and remaining (default: the plan’s invitations per seminar, else the capacity)',
    tags,
    params: idParams,
    query: seminarQuotasQuery,
    status: 200,
    response: seminarQuotasView,
    errors: RECORD_ERRORS,
  }),
  invite: route({
    method: 'POST',
    path: '/api/seminars/:id/invitations',
    summary: 'Invite customers you may see; customers already invited are listed, not invited twice',
    tags,
    params: idParams,
    body: inviteCustomersInput,
    status: 201,
    response: z.object({ invited: z.array(invitationView), alreadyInvited: z.array(z.string()) }),
    errors: RECORD_ERRORS,
  }),
  invitations: route({
    method: 'GET',
    path: '/api/seminars/:id/invitations',
    summary: 'The invitations of a seminar to customers you may see',
    tags,
    params: idParams,
    status: 200,
    response: z.array(invitationView),
    errors: RECORD_ERRORS,
  }),
  updateInvitation: route({
    method: 'PATCH',
    path: '/api/seminar-invitations/:id',
    summary:
      'Record the answer (rsvp) and attendance of an invitation; attendance only from the seminar’s date',
    tags,
    params: idParams,
    body: updateInvitationInput,
    status: 200,
    response: invitationView,
    errors: RECORD_ERRORS,
  }),
  removeInvitation: route({
    method: 'DELETE',
    path: '/api/seminar-invitations/:id',
    summary: 'Withdraw an invitation',
    tags,
    params: idParams,
    status: 204,
    response: noContent,
    errors: RECORD_ERRORS,
  }),
};
