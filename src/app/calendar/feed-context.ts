/** The feed behind a token: its owner as a principal, the workspace's language and time zone. */
import { type FeedLang, feedLang } from '../../domain/calendar-feed.js';
import { AppError } from '../../domain/errors.js';
import { loadPrincipal } from '../auth/internal.js';
import type { Deps, Principal } from '../context.js';
import { feedByToken } from './calendar-feed-store.js';

/** Whose feed a token is, and how it speaks. */
export interface FeedContext {
  readonly principal: Principal;
  readonly lang: FeedLang;
  readonly timeZone: string;
  readonly userName: string;
  readonly workspaceName: string;
  readonly includeHolidays: boolean;
}

/**
 * The context of the live feed behind `token`; NOT_FOUND for an unknown or revoked token
 * or an owner who is no longer a member of the workspace.
 */
export async function feedContext(deps: Deps, token: string): Promise<FeedContext> {
  const feed = await feedByToken(deps, token);
  const principal = feed && (await loadPrincipal(deps.db, feed.userId, feed.workspaceId, 'token'));
  if (!feed || !principal) throw new AppError('NOT_FOUND', { entity: 'calendar_feed' });
  const workspace = await deps.db
    .selectFrom('workspaces')
    .select(['name', 'locale', 'time_zone'])
    .where('id', '=', feed.workspaceId)
    .executeTakeFirstOrThrow();
  const user = await deps.db
    .selectFrom('users')
    .select('name')
    .where('id', '=', feed.userId)
    .executeTakeFirstOrThrow();
  return {
    principal,
    lang: feedLang(workspace.locale),
    timeZone: workspace.time_zone,
    userName: user.name,
    workspaceName: workspace.name,
    includeHolidays: feed.includeHolidays,
  };
}
