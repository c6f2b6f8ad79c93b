/** Close attempts in the API ("close 100 times"): the input (with a signature's deal), the attempt, what logging one created. */
import { z } from 'zod';
import { recordStamps, text } from './common.js';
import { attemptDealInput, dealView } from './deals.js';
import { followUpView } from './follow-ups.js';
import { idParams, noContent, RECORD_ERRORS, route } from './http.js';

/** Body of "log a close attempt"; anything else is rejected. */
export const createCloseAttemptInput = z.strictObject({
  customerId: z.uuid(),
  visitId: z.uuid().optional(),
  attemptedOn: z.iso.date(),
  result: z.enum(['signed', 'objection', 'stall']),
  objectionKey: z.string().trim().min(1).max(40).optional(),
  customerWords: text(2000).optional(),
  replyId: z.string().trim().min(1).max(80).optional(),
  replyText: text(2000).optional(),
  response: z.enum(['resolved', 'unresolved']).optional(),
  concern: z.string().trim().max(2000).optional(),
  fundsOn: z.iso.date().optional(),
  nextVisit: z
    .strictObject({
      goal: text(500).optional(),
      meetWhom: z.array(text(200)).max(20).optional(),
      bring: text(1000).optional(),
      plannedOn: z.iso.date().optional(),
    })
    .optional(),
  dealId: z.uuid().optional(),
  /** A signed attempt's deal, created with it in one transaction (instead of `dealId`). */
  deal: attemptDealInput.optional(),
  notes: z.string().max(10_000).optional(),
});

export type CreateCloseAttemptInput = z.infer<typeof createCloseAttemptInput>;

/** A close attempt as returned by the API. */
export const closeAttemptView = z.object({
  id: z.string(),
  customerId: z.string(),
  visitId: z.string().nullable(),
  ownerId: z.string().nullable(),
  attemptedOn: z.string(),
  result: z.enum(['signed', 'objection', 'stall']),
  objectionKey: z.string().nullable(),
  customerWords: z.string().nullable(),
  replyId: z.string().nullable(),
  replyText: z.string().nullable(),
  response: z.enum(['resolved', 'unresolved']).nullable(),
  concern: z.string().nullable(),
  fundsOn: z.string().nullable(),
  dealId: z.string().nullable(),
  notes: z.string().nullable(),
  ...recordStamps,
});

export type CloseAttempt = z.infer<typeof closeAttemptView>;

/** A customer's attempts. */
export const customerCloseAttemptsView = z.object({ count: z.int(), items: z.array(closeAttemptView) });

/** A next-visit plan as created by an attempt. */
export const nextVisitPlanView = z.object({
  id: z.string(),
  customerId: z.string(),
  source: z.string(),
  sourceId: z.string().nullable(),
  goal: z.string(),
  meetWhom: z.array(z.string()),
  bring: z.string().nullable(),
  plannedOn: z.string().nullable(),
  status: z.string(),
});

/** What "log a close attempt" answers. */
export const closeAttemptCreatedView = z.object({
  attempt: closeAttemptView,
  /** How many attempts this customer has had, this one included. */
  attemptNumber: z.int(),
  created: z.object({
    followUps: z.array(followUpView),
    nextVisitPlan: nextVisitPlanView.nullable(),
    expectedFundsOn: z.string().nullable(),
    /** The deal created with a signed attempt (`deal` of the input), or null. */
    deal: dealView.nullable(),
  }),
});

export type CloseAttemptCreated = z.infer<typeof closeAttemptCreatedView>;

/** The close-attempt routes. */
export const closeAttemptRoutes = {
  create: route({
    method: 'POST',
    path: '/api/close-attempts',
    summary: 'Log a close attempt; a stall creates its follow-up, next-visit plan or funds date',
    tags: ['close-attempts'],
    body: createCloseAttemptInput,
    status: 201,
    response: closeAttemptCreatedView,
    errors: RECORD_ERRORS,
  }),
  ofCustomer: route({
    method: 'GET',
    path: '/api/customers/:id/close-attempts',
    summary: "A customer's close attempts, oldest first, with their count",
    tags: ['close-attempts'],
    params: idParams,
    status: 200,
    response: customerCloseAttemptsView,
    errors: RECORD_ERRORS,
  }),
  get: route({
    method: 'GET',
    path: '/api/close-attempts/:id',
    summary: 'Read a close attempt',
    tags: ['close-attempts'],
    params: idParams,
    status: 200,
    response: closeAttemptView,
    errors: RECORD_ERRORS,
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/close-attempts/:id',
    summary: 'Delete a close attempt and the open follow-ups and plans it created',
    tags: ['close-attempts'],
    params: idParams,
    status: 204,
    response: noContent,
    errors: RECORD_ERRORS,
  }),
};
