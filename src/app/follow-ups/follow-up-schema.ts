/** The follow-up (a task due on a date for a customer) as the API sees it, and the zod schemas of its inputs. */

import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { FollowUpsTable } from '../../db/schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Fields a caller may set on a follow-up; anything else is rejected. */
export const followUpFields = z.strictObject({
  customerId: z.uuid(),
  dueOn: z.iso.date(),
  kind: text(50),
  notes: z.string().max(10_000).nullable().optional(),
  assigneeId: z.uuid().nullable().optional(),
  done: z.boolean().optional(),
});

/** Body of "create a follow-up". */
export const createFollowUpInput = followUpFields;
export type CreateFollowUpInput = z.infer<typeof createFollowUpInput>;

/** Body of "update a follow-up": any subset of the fields plus the version last read. */
export const updateFollowUpInput = followUpFields.partial().extend({ version: z.int().min(1) });
export type UpdateFollowUpInput = z.infer<typeof updateFollowUpInput>;

/** A follow-up as returned by the API; `doneAt` is the instant it was marked done. */
export const followUpView = z.object({
  id: z.string(),
  customerId: z.string(),
  assigneeId: z.string().nullable(),
  dueOn: z.string(),
  kind: z.string(),
  notes: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  /** The close attempt (a stall) that created this follow-up, if any. */
  closeAttemptId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type FollowUp = z.infer<typeof followUpView>;

/** A follow_ups row as Kysely returns it. */
export type FollowUpRow = Selectable<FollowUpsTable>;

/** Row → API shape. */
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
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
