/** The follow-up (a task due on a date for a customer) as the API sees it, and the zod schemas of its inputs. */

import type { Selectable } from 'kysely';
import type { FollowUp } from '../../contract/follow-ups.js';
import type { FollowUpsTable } from '../../db/schema.js';

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
