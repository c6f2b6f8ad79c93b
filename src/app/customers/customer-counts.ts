/**
 * The two numbers a salesperson looks for beside a customer — meetings so far (the
 * third-meeting rule) and overdue follow-ups — for the list's rows and for one customer.
 */
import type { Kysely } from 'kysely';
import type { CustomerListItem } from '../../contract/customers.js';
import type { Schema } from '../../db/schema.js';
import type { IsoDate } from '../../domain/dates.js';
import { countsPerCustomer } from '../record-store.js';
import { isMeeting } from '../visits/meetings-sql.js';
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
    countsPerCustomer(db, workspaceId, ids, 'visits', (q) => q.where(isMeeting)),
    // Open follow-ups due before `today`.
    countsPerCustomer(db, workspaceId, ids, 'follow_ups', (q) =>
      q.where('done', '=', 0).where('due_on', '<', today),
    ),
  ]);
  return rows.map((row) => ({
    ...customers.toView(row),
    meetings: meetings.get(row.id) ?? 0,
    overdueFollowUps: overdue.get(row.id) ?? 0,
  }));
}
