/**
 * The visit (a meeting with a customer) as stored: row ↔ view, input → columns (with the
 * defaults "log a visit" and the import share) and the customer and owner a visit may name.
 * A visit is visible exactly when its customer is.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreateVisitInput, Visit, visitFields } from '../../contract/visits.js';
import type { Schema } from '../../db/schema.js';
import { countsAsMeeting } from '../../domain/method/meetings.js';
import { assignableMemberships } from '../access.js';
import type { Principal } from '../context.js';
import { checkVisibleCustomer } from '../customers/visible-customer.js';
import { defineRecordStore, plainView, type RecordRow, type RecordValues } from '../record-store.js';
import { fieldError } from '../validation.js';

/** A visits row as Kysely returns it. */
export type VisitRow = RecordRow<'visits'>;

/** How a visit's fields are stored; the attendees as JSON text. */
const visitColumns = {
  customerId: 'customer_id',
  visitOn: 'visit_on',
  ownerId: 'owner_id',
  attendees: { column: 'attendees', write: (attendees: string[]) => JSON.stringify(attendees) },
  purpose: 'purpose',
  outcome: 'outcome',
  notes: 'notes',
  nextStep: 'next_step',
  status: 'status',
  thirdMeetingReason: 'third_meeting_reason',
} as const;

/** Visits: meetings and calls with a customer, numbered by date. */
export const visits = defineRecordStore<'visits', Visit, z.infer<typeof visitFields>>({
  table: 'visits',
  entity: 'visit',
  scope: 'customer-child',
  toView: (row) => ({
    ...plainView(row, visitColumns),
    attendees: JSON.parse(row.attendees) as string[],
    // 0 is stored for a cancelled visit (the column is NOT NULL): it is not a meeting.
    meetingNumber: !countsAsMeeting(row.status) || row.meeting_number < 1 ? null : row.meeting_number,
  }),
  columns: visitColumns,
});

/** The columns a new visit is stored with. */
export type NewVisitValues = RecordValues<'visits'> & {
  owner_id: string | null;
  attendees: string;
  purpose: string | null;
  outcome: string | null;
  notes: string | null;
  next_step: string | null;
  status: VisitRow['status'];
  third_meeting_reason: string | null;
};

/**
 * The columns of a new visit, defaults included — the one mapping "log a visit" and the
 * import share: the owner is the caller unless named (null stays null), no attendees, held
 * (status done).
 */
export function newVisitValues(principal: Principal, input: CreateVisitInput): NewVisitValues {
  return {
    customer_id: input.customerId,
    owner_id: input.ownerId !== undefined ? input.ownerId : principal.membershipId,
    visit_on: input.visitOn,
    attendees: JSON.stringify(input.attendees ?? []),
    purpose: input.purpose ?? null,
    outcome: input.outcome ?? null,
    notes: input.notes ?? null,
    next_step: input.nextStep ?? null,
    status: input.status ?? 'done',
    third_meeting_reason: input.thirdMeetingReason ?? null,
  };
}

/** Throws VALIDATION.FAILED on `customerId` / `ownerId` for a reference the caller may not use. */
export async function checkVisitReferences(
  db: Kysely<Schema>,
  principal: Principal,
  refs: { customerId?: string | undefined; ownerId?: string | null | undefined },
): Promise<void> {
  if (refs.customerId !== undefined) await checkVisibleCustomer(db, principal, refs.customerId);
  if (refs.ownerId && !(await assignableMemberships(db, principal)).has(refs.ownerId)) {
    throw fieldError('ownerId', 'not a member you can assign', '不是你可以指派的成员');
  }
}
