/**
 * Calendar feeds: a secret URL per feed (`cal_` + 32 random bytes, shown once; only its
 * SHA-256 is stored) that calendar apps poll without a session. Shared shapes and the
 * token lookup used by the public ICS routes.
 */
import { z } from 'zod';
import { sha256Hex } from '../auth/internal.js';
import type { Deps } from '../context.js';

/** Every feed token starts with this (and is recognisable when leaked). */
export const FEED_TOKEN_PREFIX = 'cal_';
/** A well-formed feed token: the prefix and 43 base64url characters. */
export const FEED_TOKEN_PATTERN = /^cal_[A-Za-z0-9_-]{43}$/;

/** Input of createCalendarFeed. */
export const createCalendarFeedInput = z
  .object({
    /** Also offer China's holidays and make-up working days as a second feed (default yes). */
    includeHolidays: z.boolean().default(true),
  })
  .strict();

/** A feed as its owner sees it later (never the token). */
export const calendarFeedView = z
  .object({
    id: z.string(),
    includeHolidays: z.boolean(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'CalendarFeed' });

/** A calendar feed. */
export type CalendarFeedView = z.infer<typeof calendarFeedView>;

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
