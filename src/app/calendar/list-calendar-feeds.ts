/** Use case: the caller's own calendar feeds (without tokens), newest first. */

import type { CalendarFeedView } from '../../contract/calendar.js';
import type { Deps, Principal } from '../context.js';
import { toCalendarFeed } from './calendar-feed-store.js';

/** Lists the caller's feeds in this workspace, revoked ones included (with revokedAt). */
export async function listCalendarFeeds(deps: Deps, principal: Principal): Promise<CalendarFeedView[]> {
  const rows = await deps.db
    .selectFrom('calendar_feeds')
    .select(['id', 'include_holidays', 'created_at', 'revoked_at'])
    .where('workspace_id', '=', principal.workspaceId)
    .where('user_id', '=', principal.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toCalendarFeed);
}
