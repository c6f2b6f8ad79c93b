/**
 * Sign-in with email and password, cookie sessions, sign-out and password change.
 *
 * Sessions live in the database (the server keeps no state), stored by the SHA-256 of their
 * token so a leaked table does not leak live sessions. Sign-in is throttled per account and
 * per IP address from the recorded attempts, and answers the same way (and in about the
 * same time) for an unknown email and a wrong password.
 */
import { changePasswordInput } from '../../contract/auth.js';
import { AppError } from '../../domain/errors.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { loadPrincipal, normalizeEmail, randomToken, sha256Hex } from './internal.js';
import { hashPassword, needsRehash, UNUSABLE_PASSWORD_HASH, verifyPassword } from './passwords.js';

/** How long a session lasts. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** The window in which failed sign-ins count. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins in the window at which an account is refused. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failed sign-ins in the window at which an IP address is refused. */
export const IP_FAILURE_LIMIT = 20;

/** Longer strings are never our tokens: refuse them without hashing. */
const MAX_TOKEN_LENGTH = 256;

/** Input of login. */
export interface LoginInput {
  readonly email: string;
  readonly password: string;
  readonly ip: string;
}

/** A new session: `token` goes in the cookie, `csrfToken` must accompany cookie writes. */
export interface LoginResult {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly principal: Principal;
}

/**
 * Seconds until `key` drops below `limit` failures, or 0 when it is below already.
 * The limit-th most recent failure in the window is the one that must age out.
 */
async function secondsThrottled(deps: Deps, key: string, limit: number, now: Date): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const failures = await deps.db
    .selectFrom('login_attempts')
    .select('at')
    .where('key', '=', key)
    .where('succeeded', '=', 0)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  const blocking = failures[limit - 1];
  if (!blocking) return 0;
  const freeAt = new Date(blocking.at).getTime() + THROTTLE_WINDOW_MS;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
}

function attemptRows(deps: Deps, keys: readonly string[], at: string, succeeded: boolean) {
  return keys.map((key) => ({ id: deps.newId(), key, at, succeeded: succeeded ? 1 : 0 }));
}

/**
 * Signs in. AUTH.THROTTLED (details.retryAfterSeconds) when the account has 5 or the IP 20
 * failed attempts in the last 15 minutes (checked before the password, so a correct
 * password does not help); AUTH.INVALID_CREDENTIALS for an unknown email or a wrong
 * password alike. Every checked attempt is recorded for the account and the IP.
 */
export async function login(deps: Deps, input: LoginInput): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  const accountKey = `account:${email}`;
  const ipKey = `ip:${input.ip}`;
  const keys = [accountKey, ipKey];
  const now = deps.clock();

  const retryAfterSeconds = Math.max(
    await secondsThrottled(deps, accountKey, ACCOUNT_FAILURE_LIMIT, now),
    await secondsThrottled(deps, ipKey, IP_FAILURE_LIMIT, now),
  );
  if (retryAfterSeconds > 0) {
    throw new AppError('AUTH.THROTTLED', {
      retryAfterSeconds,
      retryAfterMinutes: Math.ceil(retryAfterSeconds / 60),
    });
  }

  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? UNUSABLE_PASSWORD_HASH);
  const membership =
    user && passwordOk
      ? await deps.db
          .selectFrom('memberships')
          .select('workspace_id')
          .where('user_id', '=', user.id)
          .orderBy('created_at')
          .orderBy('id')
          .executeTakeFirst()
      : undefined;
  const at = now.toISOString();

  if (!user || !membership) {
    await deps.db
      .insertInto('login_attempts')
      .values(attemptRows(deps, keys, at, false))
      .execute();
    throw new AppError('AUTH.INVALID_CREDENTIALS');
  }

  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  // A hash of weaker parameters (an account from before they were raised) is replaced now,
  // the only moment the password is known.
  const rehashed = needsRehash(user.password_hash) ? await hashPassword(input.password) : null;
  const principal = await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_attempts')
      .values(attemptRows(deps, keys, at, true))
      .execute();
    if (rehashed) {
      // The same password in a stronger form: not a change of the user's record (no new
      // version, so nobody's open form of the user goes stale), and only if it is still
      // the hash just verified.
      await trx
        .updateTable('users')
        .set({ password_hash: rehashed })
        .where('id', '=', user.id)
        .where('password_hash', '=', user.password_hash)
        .execute();
    }
    await trx
      .insertInto('sessions')
      .values({
        id: sha256Hex(token),
        user_id: user.id,
        workspace_id: membership.workspace_id,
        csrf_token: csrfToken,
        created_at: at,
        expires_at: expiresAt,
      })
      .execute();
    return loadPrincipal(trx, user.id, membership.workspace_id, 'session');
  });
  if (!principal) throw new AppError('INTERNAL', { reason: 'membership vanished during sign-in' });
  return { token, csrfToken, expiresAt, principal };
}

/** An authenticated session: its principal and the CSRF token its cookie writes must carry. */
export interface SessionAuth {
  readonly principal: Principal;
  readonly csrfToken: string;
}

/**
 * The principal of a session token, or null when it is unknown or expired (an expired
 * session is deleted).
 */
export async function authenticateSession(deps: Deps, token: string): Promise<Principal | null> {
  return (await authenticateSessionWithCsrf(deps, token))?.principal ?? null;
}

/**
 * Like {@link authenticateSession}, with the session's CSRF token (for the HTTP layer's
 * check of cookie-authenticated writes).
 */
export async function authenticateSessionWithCsrf(deps: Deps, token: string): Promise<SessionAuth | null> {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
  const id = sha256Hex(token);
  const session = await deps.db
    .selectFrom('sessions')
    .select(['user_id', 'workspace_id', 'expires_at', 'csrf_token'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!session) return null;
  if (session.expires_at <= deps.clock().toISOString()) {
    await deps.db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  const principal = await loadPrincipal(deps.db, session.user_id, session.workspace_id, 'session');
  return principal ? { principal, csrfToken: session.csrf_token } : null;
}

/** Ends the session of `token` (nothing happens for an unknown token). */
export async function logout(deps: Deps, token: string): Promise<void> {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return;
  await deps.db.deleteFrom('sessions').where('id', '=', sha256Hex(token)).execute();
}

/**
 * Replaces the caller's password after checking the current one (AUTH.INVALID_CREDENTIALS
 * otherwise) and ends every session of the user, this one included: sign in again.
 */
export async function changePassword(deps: Deps, principal: Principal, input: unknown): Promise<void> {
  const { current, next } = parseInput(changePasswordInput, input);
  const user = await deps.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', principal.userId)
    .executeTakeFirst();
  if (!user || !(await verifyPassword(current, user.password_hash))) {
    throw new AppError('AUTH.INVALID_CREDENTIALS');
  }
  const passwordHash = await hashPassword(next);
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({ password_hash: passwordHash, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', principal.userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', principal.userId).execute();
  });
}
