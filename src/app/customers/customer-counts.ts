/**
 * The two numbers a salesperson looks for beside a customer — meetings so far (the
 * third-meeting rule) and overdue follow-ups — for the list's rows and for one customer.
 */
import type { Kysely } from 'kysely';
import type { CustomerListItem } from '../../contract/customers.js';
import type { Schema } from '../../db/schema.js';
import type { IsoDate } from '../../domain/dates.js';
import { meetingCounts } from '../visits/meetings-sql.js';
import { type CustomerRow, customers } from './customer-store.js';

/**
 * The rows as API customers with their counts: two grouped queries over the rows' ids (a
 * page holds at most 200), not one query per row. `today` decides what is overdue.
 */
export async function withCounts(
  db: Kysely<Schema>,
  workspaceId: string,
  rows: readonly CustomerRow[],
  today: IsoDate,
): Promise<CustomerListItem[]> {
  const ids = rows.map((r) => r.id);
  const [meetings, overdue] = await Promise.all([
    meetingCounts(db, workspaceId, ids),
    overdueFollowUpCounts(db, workspaceId, ids, today),
  ]);
  return rows.map((row) => ({
    ...customers.toView(row),
    meetings: meetings.get(row.id) ?? 0,
    overdueFollowUps: overdue.get(row.id) ?? 0,
  }));
}

/** Open follow-ups due before `today`, per customer of `customerIds`. */
async function overdueFollowUpCounts(
  db: Kysely<Schema>,
  workspaceId: string,
  customerIds: readonly string[],
  today: IsoDate,
): Promise<Map<string, number>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('follow_ups')
    .select(['customer_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', 'in', customerIds)
    .where('done', '=', 0)
    .where('due_on', '<', today)
    .groupBy('customer_id')
    .execute();
  // PostgreSQL answers count(*) as a bigint string.
  return new Map(rows.map((r) => [r.customer_id, Number(r.n)]));
}
