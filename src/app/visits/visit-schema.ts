/** The visit (a meeting with a customer) as the API sees it, and the zod schemas of its inputs. */

import type { Selectable } from 'kysely';
import type { Visit } from '../../contract/visits.js';
import type { VisitsTable } from '../../db/schema.js';
import { countsAsMeeting } from '../../domain/method/meetings.js';

/** A visits row as Kysely returns it. */
export type VisitRow = Selectable<VisitsTable>;

/** Row → API shape. */
export function toVisit(row: VisitRow): Visit {
  return {
    id: row.id,
    customerId: row.customer_id,
    ownerId: row.owner_id,
    visitOn: row.visit_on,
    attendees: JSON.parse(row.attendees) as string[],
    purpose: row.purpose,
    outcome: row.outcome,
    notes: row.notes,
    nextStep: row.next_step,
    // 0 is stored for a cancelled visit (the column is NOT NULL): it is not a meeting.
    meetingNumber: !countsAsMeeting(row.status) || row.meeting_number < 1 ? null : row.meeting_number,
    status: row.status,
    thirdMeetingReason: row.third_meeting_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
