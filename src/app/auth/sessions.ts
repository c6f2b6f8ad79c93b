/**
 * Sign-in with email and password, cookie sessions, sign-out and password change.
 *
 * Sessions live in the database (the server keeps no state), stored by the SHA-256 of their
 * token so a leaked table does not leak live sessions. Sign-in is throttled from the
 * recorded attempts — per account and address pair with growing delays, per account and per
 * address for devices the account does not know (see `login`) — and answers the same way
 * (and in about the same time) for an unknown email and a wrong password.
 */
import { changePasswordInput } from '../../contract/auth.js';
import { AppError } from '../../domain/errors.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { loadPrincipal, normalizeEmail, randomToken, sha256Hex } from './internal.js';
import { hashPassword, needsRehash, UNUSABLE_PASSWORD_HASH, verifyPassword } from './passwords.js';

/** How long a session lasts. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** The window in which failed sign-ins of an account, or of an address, count. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/**
 * Failed sign-ins in the window, from any addresses, at which an account is refused to a
 * device it does not know. One address alone cannot get there within the window (its own
 * delays, below, grow first): this is for guesses spread over many addresses.
 */
export const ACCOUNT_FAILURE_LIMIT = 10;
/** Failed sign-ins in the window, over any accounts, at which an address is refused to devices it does not know. */
export const IP_FAILURE_LIMIT = 20;
/** Failures of one account from one address that cost nothing (typing mistakes). */
export const PAIR_FREE_FAILURES = 3;
/** The wait after the first failure past the free ones; each further failure doubles it. */
export const PAIR_FIRST_DELAY_MS = 30 * 1000;
/** The longest wait of one account from one address. */
export const PAIR_MAX_DELAY_MS = 15 * 60 * 1000;
/** How far back the failures of one account from one address count (since its last success). */
const PAIR_WINDOW_MS = 24 * 60 * 60 * 1000;
/** How long a device that signed in to an account stays known to it. */
export const KNOWN_DEVICE_MS = 180 * 24 * 60 * 60 * 1000;

/** Longer strings are never our tokens: refuse them without hashing. */
const MAX_TOKEN_LENGTH = 256;

/** Input of login. */
export interface LoginInput {
  readonly email: string;
  readonly password: string;
  readonly ip: string;
  /** The device token its cookie carries (`closer_device`), when the browser has one. */
  readonly device?: string | undefined;
}

/** A new session: `token` goes in the cookie, `csrfToken` must accompany cookie writes. */
export interface LoginResult {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly principal: Principal;
  /** The device token to keep in its cookie: the device is known to the account from now on. */
  readonly deviceToken: string;
}

/** The attempts of `key` in the last `windowMs` (only successes or failures, when asked), newest first. */
function recentAttempts(
  deps: Deps,
  key: string,
  now: Date,
  { windowMs, limit, succeeded }: { windowMs: number; limit: number; succeeded?: boolean },
): Promise<{ at: string; succeeded: number }[]> {
  let query = deps.db
    .selectFrom('login_attempts')
    .select(['at', 'succeeded'])
    .where('key', '=', key)
    .where('at', '>', new Date(now.getTime() - windowMs).toISOString());
  if (succeeded !== undefined) query = query.where('succeeded', '=', succeeded ? 1 : 0);
  return query.orderBy('at', 'desc').limit(limit).execute();
}

/** Whole seconds from `now` to `freeAt` (epoch ms), at least `least`. */
const secondsUntil = (freeAt: number, now: Date, least: number) =>
  Math.max(least, Math.ceil((freeAt - now.getTime()) / 1000));

/**
 * Seconds until `key` drops below `limit` failures, or 0 when it is below already.
 * The limit-th most recent failure in the window is the one that must age out.
 */
async function secondsThrottled(deps: Deps, key: string, limit: number, now: Date): Promise<number> {
  const failures = await recentAttempts(deps, key, now, {
    windowMs: THROTTLE_WINDOW_MS,
    limit,
    succeeded: false,
  });
  const blocking = failures[limit - 1];
  return blocking ? secondsUntil(new Date(blocking.at).getTime() + THROTTLE_WINDOW_MS, now, 1) : 0;
}

/**
 * The wait of one account from one address: nothing for the first PAIR_FREE_FAILURES
 * failures since its last success, then 30 s after the last failure, doubling with each
 * further one up to 15 minutes. Seconds left, or 0.
 */
async function pairWaitSeconds(deps: Deps, key: string, now: Date): Promise<number> {
  const recent = await recentAttempts(deps, key, now, {
    windowMs: PAIR_WINDOW_MS,
    limit: PAIR_FREE_FAILURES + 16,
  });
  const sinceSuccess = recent.findIndex((a) => a.succeeded === 1);
  const failures = sinceSuccess < 0 ? recent.length : sinceSuccess;
  const last = recent[0];
  if (failures < PAIR_FREE_FAILURES || !last) return 0;
  const delay = Math.min(PAIR_FIRST_DELAY_MS * 2 ** (failures - PAIR_FREE_FAILURES), PAIR_MAX_DELAY_MS);
  return secondsUntil(new Date(last.at).getTime() + delay, now, 0);
}

/** Whether the device of `deviceKey` signed in to its account within KNOWN_DEVICE_MS. */
async function isKnownDevice(deps: Deps, deviceKey: string, now: Date): Promise<boolean> {
  const signedIn = await recentAttempts(deps, deviceKey, now, {
    windowMs: KNOWN_DEVICE_MS,
    limit: 1,
    succeeded: true,
  });
  return signedIn.length > 0;
}

function attemptRows(deps: Deps, keys: readonly string[], at: string, succeeded: boolean) {
  return keys.map((key) => ({ id: deps.newId(), key, at, succeeded: succeeded ? 1 : 0 }));
}

/** The attempt key of one account from one address (what managers see, and the growing delays). */
export function pairKey(email: string, ip: string): string {
  return `pair:${email}|${ip}`;
}

/**
 * Signs in. The throttles, checked before the password:
 * - one account from one address waits longer after each failure past the third (30 s,
 *   doubling, at most 15 minutes): guessing from one place gets slow, and nobody else waits;
 * - an account with 10 failures in 15 minutes (from anywhere), or an address with 20 (over
 *   any accounts), is refused to devices it does not know — a device that signed in to the
 *   account before (its `closer_device` cookie) still signs in with the right password, so
 *   knowing an email, or sharing the office's address, locks nobody out.
 * A throttled attempt is AUTH.THROTTLED (details.retryAfterSeconds); an unknown email and a
 * wrong password are AUTH.INVALID_CREDENTIALS alike. Every checked attempt is recorded
 * for the account, the address and the pair (and, on success, the device).
 */
export async function login(deps: Deps, input: LoginInput): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  const accountKey = `account:${email}`;
  const ipKey = `ip:${input.ip}`;
  const pair = pairKey(email, input.ip);
  const keys = [accountKey, ipKey, pair];
  const device =
    input.device && input.device.length > 0 && input.device.length <= MAX_TOKEN_LENGTH ? input.device : null;
  const deviceKey = (token: string) => `device:${email}:${sha256Hex(token)}`;
  const now = deps.clock();

  const known = device !== null && (await isKnownDevice(deps, deviceKey(device), now));
  const retryAfterSeconds = Math.max(
    await pairWaitSeconds(deps, pair, now),
    known ? 0 : await secondsThrottled(deps, accountKey, ACCOUNT_FAILURE_LIMIT, now),
    known ? 0 : await secondsThrottled(deps, ipKey, IP_FAILURE_LIMIT, now),
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
  const deviceToken = device ?? randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  // A hash of weaker parameters (an account from before they were raised) is replaced now,
  // the only moment the password is known.
  const rehashed = needsRehash(user.password_hash) ? await hashPassword(input.password) : null;
  const principal = await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_attempts')
      .values(attemptRows(deps, [...keys, deviceKey(deviceToken)], at, true))
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
  return { token, csrfToken, expiresAt, principal, deviceToken };
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
