/** Customers in the API: the record, its inputs, the list query and its stage history. */
import { z } from 'zod';
import { page, queryFlag, recordStamps, text, updateInputOf } from './common.js';
import { idParams, RECORD_ERRORS, recordRoutes, route } from './http.js';

export const CUSTOMER_CLASSES = ['A', 'B', 'C', 'new'] as const;

export const CUSTOMER_STATUSES = ['lead', 'contacted', 'qualified', 'proposal', 'won', 'lost'] as const;

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;

export const QUALIFICATION_GAPS = ['key_person', 'willing_to_sign', 'able_to_pay'] as const;

const id = z.uuid();

/** Fields a caller may set on a customer; anything else is rejected (no mass assignment). */
export const customerFields = z.strictObject({
  name: text(200),
  company: text(200).nullable().optional(),
  marketId: id.nullable().optional(),
  city: text(100).nullable().optional(),
  class: z.enum(CUSTOMER_CLASSES).optional(),
  status: z.enum(CUSTOMER_STATUSES).optional(),
  ownerId: id.nullable().optional(),
  assistantId: id.nullable().optional(),
  source: text(100).nullable().optional(),
  tags: z.array(text(50)).max(50).optional(),
  notes: z.string().max(10_000).nullable().optional(),
  /** Qualification: the contact (of this customer) who is the key person. */
  kpContactId: id.nullable().optional(),
  willingToSign: z.enum(YES_NO_UNKNOWN).optional(),
  willingEvidence: text(2000).nullable().optional(),
  ableToPay: z.enum(YES_NO_UNKNOWN).optional(),
  ableEvidence: text(2000).nullable().optional(),
  /** When the customer's money arrives ("no money in the account now"). */
  expectedFundsOn: z.iso.date().nullable().optional(),
  /**
   * Why the customer moves to "proposal" although not qualified; kept in the stage
   * history, not on the customer.
   */
  statusOverrideReason: text(1000).optional(),
});

/** Body of "create a customer". */
export const createCustomerInput = customerFields;

export type CreateCustomerInput = z.infer<typeof createCustomerInput>;

/** Body of "update a customer": any subset of the fields plus the version last read. */
export const updateCustomerInput = updateInputOf(customerFields);

export type UpdateCustomerInput = z.infer<typeof updateCustomerInput>;

/** A customer as returned by the API. */
export const customerView = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  marketId: z.string().nullable(),
  city: z.string().nullable(),
  class: z.enum(CUSTOMER_CLASSES),
  status: z.enum(CUSTOMER_STATUSES),
  ownerId: z.string().nullable(),
  assistantId: z.string().nullable(),
  source: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  qualification: z.object({
    kpContactId: z.string().nullable(),
    willingToSign: z.enum(YES_NO_UNKNOWN),
    willingEvidence: z.string().nullable(),
    ableToPay: z.enum(YES_NO_UNKNOWN),
    ableEvidence: z.string().nullable(),
    expectedFundsOn: z.string().nullable(),
    /** Key person known, willing to sign and able to pay. */
    qualified: z.boolean(),
    /** What is still missing, in the order a salesperson checks it. */
    gaps: z.array(z.enum(QUALIFICATION_GAPS)),
  }),
  ...recordStamps,
});

export type Customer = z.infer<typeof customerView>;

/** The customer with its meeting and overdue counts: a row of the customer list, and GET one customer. */
export const customerListItemView = customerView.extend({
  /** Meetings so far: visits held or planned, not cancelled (the numbers the third-meeting rule counts). */
  meetings: z.int(),
  /** Open follow-ups due before today, in the workspace's time zone. */
  overdueFollowUps: z.int(),
});

export type CustomerListItem = z.infer<typeof customerListItemView>;

/** One stage change as the API shows it. */
export const stageChangeView = z.object({
  id: z.string(),
  fromStatus: z.enum(CUSTOMER_STATUSES).nullable(),
  toStatus: z.enum(CUSTOMER_STATUSES),
  changedOn: z.string(),
  changedAt: z.string(),
  actorId: z.string().nullable(),
  overrideReason: z.string().nullable(),
});

export type StageChange = z.infer<typeof stageChangeView>;

/** Fields the customer list may be sorted by: anything else is rejected. */
export const CUSTOMER_SORTS = ['name', 'createdAt', 'updatedAt', 'class', 'status'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/** Query of "list customers". */
export const listCustomersQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  class: z.enum(CUSTOMER_CLASSES).optional(),
  status: z.enum(CUSTOMER_STATUSES).optional(),
  marketId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  /** true: only customers with an open follow-up due before today; false: only those without. */
  overdue: queryFlag.optional(),
  /** Only customers met at least this often (2: the next meeting must close, by the third-meeting rule). */
  minMeetings: z.coerce.number().int().min(1).max(99).optional(),
  sort: z.enum(CUSTOMER_SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...page,
});

/** The customer routes: the record's five, and its stage history. */
export const customerRoutes = {
  // GET one answers the customer with its list row's counts; a save answers the record.
  ...recordRoutes('customers', 'customer', {
    view: customerListItemView,
    writeView: customerView,
    listItemView: customerListItemView,
    createInput: createCustomerInput,
    updateInput: updateCustomerInput,
    listQuery: listCustomersQuery,
  }),
  stageHistory: route({
    method: 'GET',
    path: '/api/customers/:id/stage-history',
    summary: "A customer's status changes, oldest first (with the reason of an unqualified move to proposal)",
    tags: ['customers'],
    params: idParams,
    status: 200,
    response: z.array(stageChangeView),
    errors: RECORD_ERRORS,
  }),
};
