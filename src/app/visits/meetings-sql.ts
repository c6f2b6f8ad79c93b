/**
 * What counts as a meeting, in SQL: a visit that is not cancelled (`countsAsMeeting`, in
 * the domain) and carries a meeting number (held or planned — the visits `numberMeetings`
 * numbers 1, 2, 3 …). Every query that
 * counts or filters by meetings uses these, so the customer list, its `minMeetings` filter
 * and a customer's own count cannot drift apart.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';

/** The condition that makes a `visits` row a meeting. */
export function isMeeting(eb: ExpressionBuilder<Schema, 'visits'>) {
  return eb.and([eb('visits.status', '!=', 'cancelled'), eb('visits.meeting_number', '>=', 1)]);
}

/** Meetings so far per customer of `customerIds` (a customer without any is absent). */
export async function meetingCounts(
  db: Kysely<Schema>,
  workspaceId: string,
  customerIds: readonly string[],
): Promise<Map<string, number>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('visits')
    .select(['customer_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', 'in', customerIds)
    .where(isMeeting)
    .groupBy('customer_id')
    .execute();
  // PostgreSQL answers count(*) as a bigint string.
  return new Map(rows.map((r) => [r.customer_id, Number(r.n)]));
}
