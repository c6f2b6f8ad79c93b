/** The visit (a meeting with a customer) as the API sees it, and the zod schemas of its inputs. */

import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { VisitsTable } from '../../db/schema.js';
import { countsAsMeeting } from '../../domain/method/meetings.js';

/** A visit's state: only visits that are not cancelled count as meetings. */
export const VISIT_STATUSES = ['planned', 'done', 'cancelled'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const longText = z.string().max(10_000).nullable().optional();

/** Fields a caller may set on a visit; anything else is rejected. */
export const visitFields = z.strictObject({
  customerId: z.uuid(),
  visitOn: z.iso.date(),
  ownerId: z.uuid().nullable().optional(),
  attendees: z.array(text(200)).max(50).optional(),
  purpose: text(500).nullable().optional(),
  outcome: longText,
  notes: longText,
  nextStep: text(1000).nullable().optional(),
  /** planned (scheduled), done (held; the default) or cancelled (not a meeting). */
  status: z.enum(VISIT_STATUSES).optional(),
  /** Why a third or later meeting with this customer is worth it. */
  thirdMeetingReason: text(1000).nullable().optional(),
});

/** Body of "log a visit". */
export const createVisitInput = visitFields;
export type CreateVisitInput = z.infer<typeof createVisitInput>;

/** Body of "update a visit": any subset of the fields plus the version last read. */
export const updateVisitInput = visitFields.partial().extend({ version: z.number().int().min(1) });
export type UpdateVisitInput = z.infer<typeof updateVisitInput>;

/** A visit as returned by the API. */
export const visitView = z.object({
  id: z.string(),
  customerId: z.string(),
  ownerId: z.string().nullable(),
  visitOn: z.string(),
  attendees: z.array(z.string()),
  purpose: z.string().nullable(),
  outcome: z.string().nullable(),
  notes: z.string().nullable(),
  nextStep: z.string().nullable(),
  /** 1, 2, 3 … with this customer; null for a cancelled visit. */
  meetingNumber: z.number().int().nullable(),
  status: z.enum(VISIT_STATUSES),
  thirdMeetingReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Visit = z.infer<typeof visitView>;

/** A warning returned with a written visit (a third meeting …), in both languages. */
export const visitWarningView = z.object({ code: z.string(), zh: z.string(), en: z.string() });

/** The answer to "log a visit" and "update a visit": the visit and what the salesperson must see. */
export const visitWriteView = visitView.extend({ warnings: z.array(visitWarningView) });
export type VisitWrite = z.infer<typeof visitWriteView>;

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
