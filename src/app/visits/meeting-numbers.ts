/**
 * Keeps the stored meeting numbers of a customer's visits right: called in the same
 * transaction as every write that can change them (a visit logged, moved to another date
 * or customer, cancelled, deleted), and applies the workspace's third-meeting policy.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import {
  checkThirdMeeting,
  type MeetingWarning,
  numberMeetings,
  type ThirdMeetingPolicy,
  thirdMeetingWarning,
  toThirdMeetingPolicy,
} from '../../domain/method/meetings.js';
import { customers } from '../customers/customer-store.js';

/**
 * Takes the customer's row lock until the transaction ends (a no-op write, which works on
 * both engines). Called before a visit of the customer is written: on PostgreSQL two
 * visits logged at once would otherwise each count the meetings without the other's.
 */
export async function lockMeetings(
  db: Kysely<Schema>,
  workspaceId: string,
  customerId: string,
): Promise<void> {
  await customers.lock(db, workspaceId, customerId);
}

/**
 * Renumbers the visits of one customer (0 for cancelled ones) and returns the new numbers.
 * The caller holds the customer's lock ({@link lockMeetings}, taken once, before its visit
 * write). Only rows whose number changed are written; their `version` is not bumped, because
 * the number is derived and nobody edits it (bumping would make other people's open edits stale).
 */
export async function renumberMeetings(
  db: Kysely<Schema>,
  workspaceId: string,
  customerId: string,
): Promise<Map<string, number | null>> {
  const rows = await db
    .selectFrom('visits')
    .select(['id', 'visit_on', 'created_at', 'status', 'meeting_number'])
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .execute();
  const numbers = numberMeetings(
    rows.map((r) => ({ id: r.id, visitOn: r.visit_on, createdAt: r.created_at, status: r.status })),
  );
  for (const r of rows) {
    const stored = numbers.get(r.id) ?? 0;
    if (stored !== r.meeting_number) {
      await db
        .updateTable('visits')
        .set({ meeting_number: stored })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', r.id)
        .execute();
    }
  }
  return numbers;
}

/** The workspace's third-meeting policy. */
export async function thirdMeetingPolicy(
  db: Kysely<Schema>,
  workspaceId: string,
): Promise<ThirdMeetingPolicy> {
  const row = await db
    .selectFrom('workspaces')
    .select('third_meeting_policy')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return toThirdMeetingPolicy(row?.third_meeting_policy);
}

/**
 * The policy's answer for a visit just written: nothing below the third meeting or when
 * cancelled; when the write made it a third-or-later meeting (`entering`), the policy
 * decides (warning, reason required, or refused); a visit that already was one and stays
 * one only carries the warning again, so old records stay editable after a policy change.
 */
export async function thirdMeetingWarnings(
  db: Kysely<Schema>,
  workspaceId: string,
  visit: { meetingNumber: number | null; reason: string | null; entering: boolean },
): Promise<MeetingWarning[]> {
  if (visit.meetingNumber === null || visit.meetingNumber < 3) return [];
  if (!visit.entering) return [thirdMeetingWarning(visit.meetingNumber)];
  return checkThirdMeeting(await thirdMeetingPolicy(db, workspaceId), visit.meetingNumber, visit.reason);
}
