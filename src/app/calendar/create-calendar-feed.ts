/** Use case: a new calendar feed for the caller; the token is returned once. */

import { type CalendarFeedView, createCalendarFeedInput } from '../../contract/calendar.js';
import { recordAudit } from '../audit.js';
import { randomToken, sha256Hex } from '../auth/internal.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { FEED_TOKEN_PREFIX } from './calendar-feed-store.js';

/** A created feed with its secret token (shown to the user once, never stored). */
export interface CreatedCalendarFeed extends CalendarFeedView {
  readonly token: string;
}

/** Creates a calendar feed of the caller's own planned visits, follow-ups and seminars. */
export async function createCalendarFeed(
  deps: Deps,
  principal: Principal,
  input: unknown,
): Promise<CreatedCalendarFeed> {
  const { includeHolidays } = parseInput(createCalendarFeedInput, input ?? {});
  const id = deps.newId();
  const token = `${FEED_TOKEN_PREFIX}${randomToken()}`;
  const createdAt = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('calendar_feeds')
      .values({
        id,
        workspace_id: principal.workspaceId,
        user_id: principal.userId,
        token_hash: sha256Hex(token),
        include_holidays: includeHolidays ? 1 : 0,
        created_at: createdAt,
        revoked_at: null,
      })
      .execute();
    // The audit entry never carries the token.
    await recordAudit(trx, deps, principal, {
      entity: 'calendar_feed',
      entityId: id,
      action: 'create',
      after: { includeHolidays },
    });
  });
  return { id, token, includeHolidays, createdAt, revokedAt: null };
}
