/** Today's business date and the workspace's time zone, for rules that depend on the date. */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { dateInTimeZone } from '../../domain/dates.js';
import type { Deps, Principal } from '../context.js';

/** The workspace's time zone and the clock's date in it. */
export async function workspaceToday(
  db: Kysely<Schema>,
  deps: Pick<Deps, 'clock'>,
  principal: Principal,
): Promise<{ today: string; timeZone: string }> {
  const ws = await db
    .selectFrom('workspaces')
    .select('time_zone')
    .where('id', '=', principal.workspaceId)
    .executeTakeFirstOrThrow();
  return { today: dateInTimeZone(deps.clock(), ws.time_zone), timeZone: ws.time_zone };
}
