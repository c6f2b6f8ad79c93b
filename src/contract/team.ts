/** Team duties in the API: the assistants' queues and hand-offs of customers inside the team. */
import { z } from 'zod';
import { customerView } from './customers.js';
import { idParams, RECORD_ERRORS, route } from './http.js';

/** Body of "hand off a customer". */
export const handoffInput = z.strictObject({
  kind: z.enum(['to_lead', 'to_after_sales']),
  note: z.string().trim().min(1).max(2000).nullable().optional(),
});

/** A hand-off as returned by the API. */
export const handoffView = z.object({
  id: z.string(),
  customerId: z.string(),
  kind: z.enum(['to_lead', 'to_after_sales']),
  fromId: z.string().nullable(),
  toId: z.string().nullable(),
  note: z.string().nullable(),
  actorId: z.string().nullable(),
  at: z.string(),
});

export type Handoff = z.infer<typeof handoffView>;

/** Query of "after-sales queue". */
export const afterSalesQueueQuery = z.strictObject({ memberId: z.uuid().optional() });

const item = z.object({
  customerId: z.string(),
  name: z.string(),
  class: z.string(),
  city: z.string().nullable(),
  lastDealOn: z.string().nullable(),
  lastDealAmountMinor: z.int().nullable(),
  daysSinceLastDeal: z.int().nullable(),
});

/** The queue as returned by the API. */
export const afterSalesQueueView = z.object({
  memberId: z.string(),
  today: z.string(),
  items: z.array(item),
  repeatCandidates: z.array(item),
  upcomingFunds: z.array(
    z.object({
      dealId: z.string(),
      customerId: z.string(),
      name: z.string(),
      expectedFundsOn: z.string(),
      outstandingMinor: z.int(),
    }),
  ),
});

export type AfterSalesQueue = z.infer<typeof afterSalesQueueView>;

/** Query of "prospecting queue". */
export const prospectingQueueQuery = z.strictObject({ memberId: z.uuid().optional() });

/** The queue as returned by the API. */
export const prospectingQueueView = z.object({
  memberId: z.string(),
  today: z.string(),
  items: z.array(
    z.object({
      customerId: z.string(),
      name: z.string(),
      city: z.string().nullable(),
      class: z.string(),
      status: z.enum(['lead', 'contacted']),
      lastVisitOn: z.string().nullable(),
      daysSince: z.int(),
    }),
  ),
  /** This assistant's share of the new customers the plan needs this week; null without a plan. */
  weeklyQuota: z.int().nullable(),
  /** Customers assigned to the assistant that were created this week (Monday to Sunday). */
  thisWeek: z.int(),
});

export type ProspectingQueue = z.infer<typeof prospectingQueueView>;

const tags = ['team'];

/** The queue and hand-off routes. */
export const teamRoutes = {
  prospectingQueue: route({
    method: 'GET',
    path: '/api/queues/prospecting',
    summary:
      'A prospecting assistant’s queue (own; a lead: their assistants’; a manager: anyone’s) with the week’s quota',
    tags,
    query: prospectingQueueQuery,
    status: 200,
    response: prospectingQueueView,
    errors: RECORD_ERRORS,
  }),
  afterSalesQueue: route({
    method: 'GET',
    path: '/api/queues/after-sales',
    summary: 'An after-sales assistant’s won customers, repeat candidates and expected funds',
    tags,
    query: afterSalesQueueQuery,
    status: 200,
    response: afterSalesQueueView,
    errors: RECORD_ERRORS,
  }),
  handoff: route({
    method: 'POST',
    path: '/api/customers/:id/handoff',
    summary: 'Hand a qualified customer to the lead, or a won customer to after-sales',
    tags,
    params: idParams,
    body: handoffInput,
    status: 201,
    response: z.object({ handoff: handoffView, customer: customerView }),
    errors: RECORD_ERRORS,
  }),
  handoffs: route({
    method: 'GET',
    path: '/api/customers/:id/handoffs',
    summary: 'The hand-offs of a customer, oldest first',
    tags,
    params: idParams,
    status: 200,
    response: z.array(handoffView),
    errors: RECORD_ERRORS,
  }),
};
