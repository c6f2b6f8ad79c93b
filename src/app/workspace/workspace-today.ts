/** "Today" of a workspace: the clock's date in the workspace's time zone. */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { dateInTimeZone } from '../../domain/dates.js';
import type { Deps } from '../context.js';

/** Today's business date (YYYY-MM-DD) in the workspace's time zone. */
export async function workspaceToday(
  db: Kysely<Schema>,
  deps: Pick<Deps, 'clock'>,
  workspaceId: string,
): Promise<string> {
  const row = await db
    .selectFrom('workspaces')
    .select('time_zone')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return dateInTimeZone(deps.clock(), row.time_zone);
}
