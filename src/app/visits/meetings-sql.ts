/**
 * What counts as a meeting, in SQL: a visit that is not cancelled (`countsAsMeeting`, in
 * the domain) and carries a meeting number (held or planned — the visits `numberMeetings`
 * numbers 1, 2, 3 …). Every query that
 * counts or filters by meetings uses these, so the customer list, its `minMeetings` filter
 * and a customer's own count cannot drift apart.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Schema } from '../../db/schema.js';

/** The condition that makes a `visits` row a meeting. */
export function isMeeting(eb: ExpressionBuilder<Schema, 'visits'>) {
  return eb.and([eb('visits.status', '!=', 'cancelled'), eb('visits.meeting_number', '>=', 1)]);
}
