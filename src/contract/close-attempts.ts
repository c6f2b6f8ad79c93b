import { z } from 'zod';
import { text } from './common.js';
import { attemptDealInput, dealView } from './deals.js';
import { followUpView } from './follow-ups.js';

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
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
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
