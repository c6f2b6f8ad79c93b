/**
 * Calendar feeds as stored: a secret URL per feed (`cal_` + 32 random bytes, shown once;
 * only its SHA-256 is stored) that calendar apps poll without a session. The token format,
 * row → view (the API shapes: src/contract/calendar.ts), the owner's lookup and the token
 * lookup used by the public ICS routes. A feed row has no version and no updated_at (it is
 * created, then at most revoked), so it is not a `defineRecordStore` record.
 */
import type { Kysely, Selectable } from 'kysely';
import type { CalendarFeedView } from '../../contract/calendar.js';
import type { CalendarFeedsTable, Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { sha256Hex } from '../auth/internal.js';
import type { Deps, Principal } from '../context.js';

/** Every feed token starts with this (and is recognisable when leaked). */
export const FEED_TOKEN_PREFIX = 'cal_';
/** A well-formed feed token: the prefix and 43 base64url characters. */
export const FEED_TOKEN_PATTERN = /^cal_[A-Za-z0-9_-]{43}$/;

/** A calendar_feeds row as Kysely returns it. */
export type CalendarFeedRow = Selectable<CalendarFeedsTable>;

/** Row → API shape (never the token, which is not stored). */
export function toCalendarFeed(
  row: Pick<CalendarFeedRow, 'id' | 'include_holidays' | 'created_at' | 'revoked_at'>,
): CalendarFeedView {
  return {
    id: row.id,
    includeHolidays: row.include_holidays === 1,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** The caller's own feed `id` in this workspace; another person's, or another workspace's, is NOT_FOUND. */
export async function findOwnFeed(
  db: Kysely<Schema>,
  principal: Principal,
  id: string,
): Promise<CalendarFeedRow> {
  const row = await db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('id', '=', id)
    .where('workspace_id', '=', principal.workspaceId)
    .where('user_id', '=', principal.userId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'calendar_feed', id });
  return row;
}

/** The live (not revoked) feed behind `token`, or null. */
export async function feedByToken(
  deps: Pick<Deps, 'db'>,
  token: string,
): Promise<{ id: string; workspaceId: string; userId: string; includeHolidays: boolean } | null> {
  if (!FEED_TOKEN_PATTERN.test(token)) return null;
  const row = await deps.db
    .selectFrom('calendar_feeds')
    .select(['id', 'workspace_id', 'user_id', 'include_holidays'])
    .where('token_hash', '=', sha256Hex(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    includeHolidays: row.include_holidays === 1,
  };
}
