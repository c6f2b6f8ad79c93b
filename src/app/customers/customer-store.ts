/**
 * The customer as stored: row → view (with its qualification block), input → columns with
 * the create defaults (`newCustomerValues`, shared by the create use case and the import),
 * the store itself (visible by the customer rules of access.ts), and the checks of the ids
 * a body names — market, owner, assistant, and records that must belong to the customer. A
 * foreign or unknown id is a field error, so ids of other workspaces cannot be attached
 * (and their existence is not revealed).
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Customer, customerFields } from '../../contract/customers.js';
import type { Schema } from '../../db/schema.js';
import { isQualified, qualificationGaps } from '../../domain/method/qualification.js';
import { assignableMemberships } from '../access.js';
import type { Principal } from '../context.js';
import { defineRecordStore, type RecordRow, type RecordValues, recordStamps } from '../record-store.js';
import { fieldError } from '../validation.js';

/** A customers row as Kysely returns it. */
export type CustomerRow = RecordRow<'customers'>;

/** The fields of a customer input that are stored on the customer (the override reason goes to the stage history). */
export type CustomerFields = Omit<z.infer<typeof customerFields>, 'statusOverrideReason'>;

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
    ...recordStamps(row),
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

/** Customers: visible to whoever access.ts lets see them; `tags` is stored as JSON text. */
export const customers = defineRecordStore<'customers', Customer, CustomerFields>({
  table: 'customers',
  entity: 'customer',
  scope: 'customer',
  toView: toCustomer,
  columns: {
    name: 'name',
    company: 'company',
    marketId: 'market_id',
    city: 'city',
    class: 'class',
    status: 'status',
    ownerId: 'owner_id',
    assistantId: 'assistant_id',
    source: 'source',
    tags: { column: 'tags', write: (tags: string[]) => JSON.stringify(tags) },
    notes: 'notes',
    kpContactId: 'kp_contact_id',
    willingToSign: 'willing_to_sign',
    willingEvidence: 'willing_evidence',
    ableToPay: 'able_to_pay',
    ableEvidence: 'able_evidence',
    expectedFundsOn: 'expected_funds_on',
  },
});

/** Every column of a new customer, each with its value (none left to the database's defaults). */
export type NewCustomerValues = {
  [K in keyof RecordValues<'customers'>]-?: Exclude<RecordValues<'customers'>[K], undefined>;
};

/**
 * The columns of a new customer: the input's, over the defaults — class "new", status
 * "lead", qualification unknown, no tags; the owner is the caller (a lead or manager) or,
 * for an assistant, their lead, with the assistant assigned — so a prospect an assistant
 * finds lands in their lead's book. The create use case and the import both start here.
 */
export function newCustomerValues(principal: Principal, input: CustomerFields): NewCustomerValues {
  const isAssistant = principal.role === 'assistant';
  return {
    company: null,
    market_id: null,
    city: null,
    class: 'new',
    status: 'lead',
    owner_id: (isAssistant ? principal.worksFor : principal.membershipId) ?? null,
    assistant_id: isAssistant ? principal.membershipId : null,
    source: null,
    tags: '[]',
    notes: null,
    kp_contact_id: null,
    willing_to_sign: 'unknown',
    willing_evidence: null,
    able_to_pay: 'unknown',
    able_evidence: null,
    expected_funds_on: null,
    ...customers.columnsOf(input),
    name: input.name,
  };
}

/** Throws VALIDATION.FAILED for a market, owner or assistant the caller may not use. */
export async function checkCustomerReferences(
  db: Kysely<Schema>,
  principal: Principal,
  refs: { marketId?: string | null; ownerId?: string | null; assistantId?: string | null },
): Promise<void> {
  if (refs.marketId) {
    const market = await db
      .selectFrom('markets')
      .select('id')
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', refs.marketId)
      .executeTakeFirst();
    if (!market) throw fieldError('marketId', 'unknown market', '没有这个市场');
  }
  if (refs.ownerId || refs.assistantId) {
    const allowed = await assignableMemberships(db, principal);
    if (refs.ownerId && !allowed.has(refs.ownerId))
      throw fieldError('ownerId', 'not a member you can assign', '不是你可以指派的成员');
    if (refs.assistantId && !allowed.has(refs.assistantId)) {
      throw fieldError('assistantId', 'not a member you can assign', '不是你可以指派的成员');
    }
  }
}

/** What a record of each table that hangs off one customer is called in a field error. */
const NOUNS = {
  contacts: { en: 'not a contact of this customer', zh: '不是这个客户的联系人' },
  visits: { en: 'not a visit to this customer', zh: '不是这个客户的拜访' },
  close_attempts: { en: 'not a close attempt with this customer', zh: '不是这个客户的逼单记录' },
} as const;

/**
 * Throws VALIDATION.FAILED on `field` unless `id` is a row of `table` belonging to the
 * customer (consultations, next-visit plans and the key person name such rows); a null
 * `customerId` (a customer not yet stored) has none.
 */
export async function checkCustomerChild(
  db: Kysely<Schema>,
  workspaceId: string,
  customerId: string | null,
  table: keyof typeof NOUNS,
  id: string | null | undefined,
  field: string,
): Promise<void> {
  if (!id) return;
  // The three tables share the columns used here; one query shape serves them all.
  const row =
    customerId === null
      ? undefined
      : await db
          .selectFrom(table as 'contacts')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('customer_id', '=', customerId)
          .where('id', '=', id)
          .executeTakeFirst();
  if (!row) throw fieldError(field, NOUNS[table].en, NOUNS[table].zh);
}

/** Throws VALIDATION.FAILED on `kpContactId` unless it is a contact of that customer. */
export function checkKpContact(
  db: Kysely<Schema>,
  workspaceId: string,
  customerId: string | null,
  kpContactId: string | null | undefined,
): Promise<void> {
  return checkCustomerChild(db, workspaceId, customerId, 'contacts', kpContactId, 'kpContactId');
}
