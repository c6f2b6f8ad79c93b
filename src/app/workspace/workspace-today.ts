/**
 * "Today" of a workspace: the clock's date in the workspace's time zone. The one place that
 * reads it — every rule that depends on the business date (overdue, stage dates, queues,
 * progress, forecast) asks here, so they all agree on the day.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { dateInTimeZone, type IsoDate } from '../../domain/dates.js';
import type { Deps } from '../context.js';

/** A workspace's business date (YYYY-MM-DD) and the time zone it is taken in. */
export interface WorkspaceToday {
  readonly today: IsoDate;
  readonly timeZone: string;
}

/**
 * Today in the workspace's time zone, with that time zone (for callers that turn instants
 * into dates too). `db` may be a transaction, so the read joins the caller's.
 */
export async function workspaceToday(
  db: Kysely<Schema>,
  deps: Pick<Deps, 'clock'>,
  workspaceId: string,
): Promise<WorkspaceToday> {
  const row = await db
    .selectFrom('workspaces')
    .select('time_zone')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return { today: dateInTimeZone(deps.clock(), row.time_zone), timeZone: row.time_zone };
}
