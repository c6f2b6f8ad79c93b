/**
 * Use case: a manager sees the sign-in attempts on the workspace's accounts — who, from
 * which address, when, and whether it worked — so that guessing at a colleague's password
 * is seen, not only slowed down.
 */
import { sql } from 'kysely';
import type { SignInAttempt } from '../../contract/auth.js';
import { requireManager } from '../access.js';
import type { Deps, Principal } from '../context.js';

/** How far back the list goes. */
export const SIGN_IN_ATTEMPTS_DAYS = 7;
/** The most attempts read (and listed), newest first. */
const MAX_ATTEMPTS = 500;

/**
 * The sign-in attempts of the last 7 days on the accounts of the workspace's members,
 * newest first, at most 500; managers only (AUTH.FORBIDDEN otherwise). An attempt on an
 * email that is nobody's here is not listed (it may be another workspace's).
 */
export async function listSignInAttempts(deps: Deps, principal: Principal): Promise<SignInAttempt[]> {
  requireManager(principal);
  const members = await deps.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.workspace_id', '=', principal.workspaceId)
    .execute();
  const emails = new Set(members.map((m) => m.email));
  if (emails.size === 0) return [];
  const since = new Date(deps.clock().getTime() - SIGN_IN_ATTEMPTS_DAYS * 24 * 60 * 60 * 1000).toISOString();
  // The account-and-address rows (`pair:<email>|<address>`) of these accounts only, so that
  // attempts on other workspaces' accounts (the table is shared) never crowd ours out.
  const escaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await deps.db
    .selectFrom('login_attempts')
    .select(['key', 'at', 'succeeded'])
    .where((eb) =>
      eb.or(
        [...emails].map(
          (email) => sql<boolean>`${eb.ref('key')} like ${`pair:${escaped(email)}|%`} escape '\\'`,
        ),
      ),
    )
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_ATTEMPTS)
    .execute();
  const attempts: SignInAttempt[] = [];
  for (const row of rows) {
    const rest = row.key.slice('pair:'.length);
    const bar = rest.lastIndexOf('|');
    const email = rest.slice(0, bar);
    if (bar < 0 || !emails.has(email)) continue;
    attempts.push({ email, address: rest.slice(bar + 1), at: row.at, succeeded: row.succeeded === 1 });
  }
  return attempts;
}
