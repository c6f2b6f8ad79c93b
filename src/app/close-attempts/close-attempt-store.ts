/**
 * The close attempt (asking for the signature) as stored: row → view, input → columns with
 * the defaults of a new attempt, and the check that the visit and deal it names are the
 * customer's. An attempt is visible exactly when its customer is.
 */
import type { Kysely } from 'kysely';
import type { CloseAttempt, CreateCloseAttemptInput } from '../../contract/close-attempts.js';
import type { Schema } from '../../db/schema.js';
import type { Principal } from '../context.js';
import { defineRecordStore, plainView, type RecordRow, type RecordValues } from '../record-store.js';
import { fieldError } from '../validation.js';

/** A close_attempts row as Kysely returns it. */
export type CloseAttemptRow = RecordRow<'close_attempts'>;

/** The fields of the input stored on the attempt (its next visit and deal are rows of their own). */
export type CloseAttemptFields = Omit<CreateCloseAttemptInput, 'nextVisit' | 'deal'>;

/** How a close attempt's fields are stored (each as its own column). */
const closeAttemptColumns = {
  customerId: 'customer_id',
  visitId: 'visit_id',
  attemptedOn: 'attempted_on',
  result: 'result',
  objectionKey: 'objection_key',
  customerWords: 'customer_words',
  replyId: 'reply_id',
  replyText: 'reply_text',
  response: 'response',
  concern: 'concern',
  fundsOn: 'funds_on',
  dealId: 'deal_id',
  notes: 'notes',
} as const;

/** Close attempts; visible when their customer is. */
export const closeAttempts = defineRecordStore<'close_attempts', CloseAttempt, CloseAttemptFields>({
  table: 'close_attempts',
  entity: 'close_attempt',
  scope: 'customer-child',
  toView: (row) => ({
    ...plainView(row, closeAttemptColumns),
    ownerId: row.owner_id,
  }),
  columns: closeAttemptColumns,
});

/**
 * The columns of a new attempt, made by the caller: what the input leaves out is null, a
 * blank concern too; `dealId` (the deal created with a signature) wins over the input's.
 */
export function newCloseAttemptValues(
  principal: Principal,
  input: CloseAttemptFields,
  dealId: string | null,
): RecordValues<'close_attempts'> {
  return {
    customer_id: input.customerId,
    visit_id: input.visitId ?? null,
    owner_id: principal.membershipId,
    attempted_on: input.attemptedOn,
    result: input.result,
    objection_key: input.objectionKey ?? null,
    customer_words: input.customerWords ?? null,
    reply_id: input.replyId ?? null,
    reply_text: input.replyText ?? null,
    response: input.response ?? null,
    concern: input.concern?.trim() || null,
    funds_on: input.fundsOn ?? null,
    deal_id: dealId ?? input.dealId ?? null,
    notes: input.notes ?? null,
  };
}

/** The rows an attempt may name, and what a field error says when one is not the customer's. */
const REFERENCES = {
  visitId: { table: 'visits', en: 'not a visit to this customer', zh: '不是这个客户的拜访记录' },
  dealId: { table: 'deals', en: 'not a deal of this customer', zh: '不是这个客户的订单' },
} as const;

/** Throws VALIDATION.FAILED on `visitId` / `dealId` unless each named row is the customer's. */
export async function checkCloseAttemptReferences(
  db: Kysely<Schema>,
  principal: Principal,
  input: Pick<CloseAttemptFields, 'customerId' | 'visitId' | 'dealId'>,
): Promise<void> {
  for (const field of ['visitId', 'dealId'] as const) {
    const id = input[field];
    if (!id) continue;
    const { table, en, zh } = REFERENCES[field];
    // Both tables have the columns used here; one query shape serves them.
    const row = await db
      .selectFrom(table as 'visits')
      .select('id')
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .where('customer_id', '=', input.customerId)
      .executeTakeFirst();
    if (!row) throw fieldError(field, en, zh);
  }
}
