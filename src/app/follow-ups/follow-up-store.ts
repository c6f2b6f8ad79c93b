/**
 * The follow-up (a task due on a date for a customer) as stored: row ↔ view, input →
 * columns (with the defaults "create a follow-up" uses) and the customer and assignee a
 * follow-up may name. A follow-up is visible exactly when its customer is.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreateFollowUpInput, FollowUp, followUpFields } from '../../contract/follow-ups.js';
import type { Schema } from '../../db/schema.js';
import { assignableMemberships } from '../access.js';
import type { Principal } from '../context.js';
import { checkVisibleCustomer } from '../customers/visible-customer.js';
import { defineRecordStore, type RecordRow, type RecordValues, recordStamps } from '../record-store.js';
import { fieldError } from '../validation.js';

/** A follow_ups row as Kysely returns it. */
export type FollowUpRow = RecordRow<'follow_ups'>;

/** Row → API shape (the follow-ups store's view). */
export function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    customerId: row.customer_id,
    assigneeId: row.assignee_id,
    dueOn: row.due_on,
    kind: row.kind,
    notes: row.notes,
    done: row.done === 1,
    doneAt: row.done_at,
    closeAttemptId: row.close_attempt_id,
    ...recordStamps(row),
  };
}

/** Follow-ups: tasks due on a date for a customer. */
export const followUps = defineRecordStore<'follow_ups', FollowUp, z.infer<typeof followUpFields>>({
  table: 'follow_ups',
  entity: 'follow_up',
  scope: 'customer-child',
  toView: toFollowUp,
  columns: {
    customerId: 'customer_id',
    dueOn: 'due_on',
    kind: 'kind',
    notes: 'notes',
    assigneeId: 'assignee_id',
    done: { column: 'done', write: (done: boolean) => (done ? 1 : 0) },
  },
});

/**
 * The columns of a new follow-up, defaults included: assigned to the caller unless named
 * (null stays null); one created done is done at `now`.
 */
export function newFollowUpValues(
  principal: Principal,
  input: CreateFollowUpInput,
  now: string,
): RecordValues<'follow_ups'> & { assignee_id: string | null } {
  return {
    customer_id: input.customerId,
    assignee_id: input.assigneeId !== undefined ? input.assigneeId : principal.membershipId,
    due_on: input.dueOn,
    kind: input.kind,
    notes: input.notes ?? null,
    done: input.done ? 1 : 0,
    done_at: input.done ? now : null,
  };
}

/** Throws VALIDATION.FAILED on `customerId` / `assigneeId` for a reference the caller may not use. */
export async function checkFollowUpReferences(
  db: Kysely<Schema>,
  principal: Principal,
  refs: { customerId?: string | undefined; assigneeId?: string | null | undefined },
): Promise<void> {
  if (refs.customerId !== undefined) await checkVisibleCustomer(db, principal, refs.customerId);
  if (refs.assigneeId && !(await assignableMemberships(db, principal)).has(refs.assigneeId)) {
    throw fieldError('assigneeId', 'not a member you can assign', '不是你可以指派的成员');
  }
}
