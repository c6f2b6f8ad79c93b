/**
 * Calendar feeds: a secret URL per feed (`cal_` + 32 random bytes, shown once; only its
 * SHA-256 is stored) that calendar apps poll without a session. The token format and the
 * token lookup used by the public ICS routes (the API shapes: src/contract/calendar.ts).
 */
import { sha256Hex } from '../auth/internal.js';
import type { Deps } from '../context.js';

/** Every feed token starts with this (and is recognisable when leaked). */
export const FEED_TOKEN_PREFIX = 'cal_';
/** A well-formed feed token: the prefix and 43 base64url characters. */
export const FEED_TOKEN_PATTERN = /^cal_[A-Za-z0-9_-]{43}$/;

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
