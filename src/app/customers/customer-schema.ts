/**
 * The customer as the API and the web app see it, and the zod schemas of its inputs —
 * shared by the server's validation, its OpenAPI document and (later) the web forms.
 */

import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { CustomersTable } from '../../db/schema.js';
import { isQualified, qualificationGaps } from '../../domain/method/qualification.js';

export const CUSTOMER_CLASSES = ['A', 'B', 'C', 'new'] as const;
export const CUSTOMER_STATUSES = ['lead', 'contacted', 'qualified', 'proposal', 'won', 'lost'] as const;

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export const QUALIFICATION_GAPS = ['key_person', 'willing_to_sign', 'able_to_pay'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
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
export const updateCustomerInput = customerFields.partial().extend({ version: z.number().int().min(1) });
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
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
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

/** A customers row as Kysely returns it. */
export type CustomerRow = Selectable<CustomersTable>;

/** Row → API shape. */
export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    marketId: row.market_id,
    city: row.city,
    class: row.class,
    status: row.status,
    ownerId: row.owner_id,
    assistantId: row.assistant_id,
    source: row.source,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    qualification: qualificationOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The qualification block of a customer row. */
export function qualificationOf(row: CustomerRow): Customer['qualification'] {
  const facts = {
    kpContactId: row.kp_contact_id,
    willingToSign: row.willing_to_sign,
    ableToPay: row.able_to_pay,
  };
  return {
    kpContactId: row.kp_contact_id,
    willingToSign: row.willing_to_sign,
    willingEvidence: row.willing_evidence,
    ableToPay: row.able_to_pay,
    ableEvidence: row.able_evidence,
    expectedFundsOn: row.expected_funds_on,
    qualified: isQualified(facts),
    gaps: qualificationGaps(facts),
  };
}
