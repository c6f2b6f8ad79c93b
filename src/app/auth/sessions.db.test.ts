import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../../../test/harness/databases.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Deps, Principal } from '../context.js';
import { initWorkspace } from './init-workspace.js';
import { sha256Hex } from './internal.js';
import {
  authenticateSession,
  authenticateSessionWithCsrf,
  changePassword,
  login,
  logout,
} from './sessions.js';

const START = new Date('2026-03-02T02:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const EMAIL = 'boss@example.com';
const PASSWORD = 'right password 1';
const IP = '203.0.113.7';

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe.each(engines)('sessions on $name', (engine) => {
  let database: TestDatabase;
  let opened: Database;
  let now: Date;
  let deps: Deps;
  let manager: Principal;

  beforeEach(async () => {
    database = await engine.create();
    opened = database.open();
    await migrateToLatest(opened.db);
    now = START;
    deps = { db: opened.db as Kysely<Schema>, clock: () => new Date(now.getTime()), newId: uuidv7 };
    const ids = await initWorkspace(deps, {
      workspace: { name: '华东区' },
      manager: { email: EMAIL, name: '王经理', password: PASSWORD },
    });
    manager = { ...ids, role: 'manager', worksFor: null, via: 'session' };
  });

  afterEach(async () => {
    await opened.close();
    await database.dispose();
  });

  const at = (ms: number) => {
    now = new Date(START.getTime() + ms);
  };

  it('logs in and returns a session whose raw token is never stored', async () => {
    const result = await login(deps, { email: '  Boss@Example.COM ', password: PASSWORD, ip: IP });
    expect(result.principal).toEqual(manager);
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.csrfToken).not.toBe(result.token);
    expect(result.expiresAt).toBe('2026-04-01T02:00:00.000Z');

    const rows = await deps.db.selectFrom('sessions').selectAll().execute();
    expect(rows).toEqual([
      {
        id: sha256Hex(result.token),
        user_id: manager.userId,
        workspace_id: manager.workspaceId,
        csrf_token: result.csrfToken,
        created_at: START.toISOString(),
        expires_at: result.expiresAt,
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(result.token);
    expect(await authenticateSession(deps, result.token)).toEqual(manager);

    const attempts = await deps.db
      .selectFrom('login_attempts')
      .select(['key', 'succeeded'])
      .orderBy('key')
      .execute();
    expect(attempts).toEqual([
      { key: `account:${EMAIL}`, succeeded: 1 },
      { key: `ip:${IP}`, succeeded: 1 },
    ]);
  });

  it('answers a wrong password and an unknown email with the identical error, and records both', async () => {
    const wrongPassword = await failure(login(deps, { email: EMAIL, password: 'wrong password', ip: IP }));
    const unknownEmail = await failure(
      login(deps, { email: 'nobody@example.com', password: PASSWORD, ip: IP }),
    );
    for (const error of [wrongPassword, unknownEmail]) {
      expect(error.code).toBe('AUTH.INVALID_CREDENTIALS');
      expect(error.httpStatus).toBe(401);
    }
    expect(unknownEmail.message).toBe(wrongPassword.message);
    expect(unknownEmail.messageIn('zh')).toBe(wrongPassword.messageIn('zh'));
    expect(unknownEmail.details).toEqual(wrongPassword.details);
    expect(await deps.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    const attempts = await deps.db.selectFrom('login_attempts').select(['key', 'succeeded']).execute();
    expect(attempts).toHaveLength(4);
    expect(attempts.every((a) => a.succeeded === 0)).toBe(true);
  });

  it('throttles an account after 5 failures, even with the right password, until they are 15 minutes old', async () => {
    for (let i = 0; i < 5; i++) {
      at(i * MINUTE);
      const error = await failure(login(deps, { email: EMAIL, password: `wrong ${i}`, ip: `10.0.0.${i}` }));
      expect(error.code).toBe('AUTH.INVALID_CREDENTIALS');
    }
    at(5 * MINUTE);
    const throttled = await failure(login(deps, { email: ' BOSS@example.com', password: PASSWORD, ip: IP }));
    expect(throttled.code).toBe('AUTH.THROTTLED');
    expect(throttled.httpStatus).toBe(429);
    // The first failure (at START) leaves the window at START + 15 min: 10 minutes from now.
    expect(throttled.details).toEqual({ retryAfterSeconds: 600, retryAfterMinutes: 10 });
    expect(throttled.messageIn('zh')).toContain('10 分钟');

    at(15 * MINUTE - 1);
    expect((await failure(login(deps, { email: EMAIL, password: PASSWORD, ip: IP }))).code).toBe(
      'AUTH.THROTTLED',
    );
    at(15 * MINUTE);
    const result = await login(deps, { email: EMAIL, password: PASSWORD, ip: IP });
    expect(result.principal).toEqual(manager);
  });

  it('throttles an IP address after 20 failures over different accounts, not other addresses', async () => {
    for (let i = 0; i < 20; i++) {
      const error = await failure(
        login(deps, { email: `guess${i}@example.com`, password: 'nope nope', ip: IP }),
      );
      expect(error.code).toBe('AUTH.INVALID_CREDENTIALS');
    }
    const throttled = await failure(login(deps, { email: EMAIL, password: PASSWORD, ip: IP }));
    expect(throttled.code).toBe('AUTH.THROTTLED');
    expect(throttled.details).toEqual({ retryAfterSeconds: 900, retryAfterMinutes: 15 });
    const elsewhere = await login(deps, { email: EMAIL, password: PASSWORD, ip: '198.51.100.1' });
    expect(elsewhere.principal).toEqual(manager);
  });

  it('logout ends that session only', async () => {
    const first = await login(deps, { email: EMAIL, password: PASSWORD, ip: IP });
    const second = await login(deps, { email: EMAIL, password: PASSWORD, ip: IP });
    await logout(deps, first.token);
    expect(await authenticateSession(deps, first.token)).toBeNull();
    expect(await authenticateSession(deps, second.token)).toEqual(manager);
    await logout(deps, first.token); // twice is harmless
  });

  it('returns null for an unknown token and for an expired session, which it deletes', async () => {
    const { token } = await login(deps, { email: EMAIL, password: PASSWORD, ip: IP });
    expect(await authenticateSession(deps, 'not-a-session')).toBeNull();
    expect(await authenticateSession(deps, '')).toBeNull();
    at(30 * DAY - 1);
    expect(await authenticateSession(deps, token)).toEqual(manager);
    at(30 * DAY);
    expect(await authenticateSession(deps, token)).toBeNull();
    expect(await deps.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it("authenticateSessionWithCsrf also returns the session's CSRF token, and null like authenticateSession", async () => {
    const { token, csrfToken } = await login(deps, { email: EMAIL, password: PASSWORD, ip: IP });
    expect(await authenticateSessionWithCsrf(deps, token)).toEqual({ principal: manager, csrfToken });
    expect(await authenticateSessionWithCsrf(deps, 'not-a-session')).toBeNull();
    expect(await authenticateSessionWithCsrf(deps, 'x'.repeat(257))).toBeNull();
    at(30 * DAY);
    expect(await authenticateSessionWithCsrf(deps, token)).toBeNull();
  });

  it('changePassword ends every session of the user; the old password stops working', async () => {
    const a = await login(deps, { email: EMAIL, password: PASSWORD, ip: IP });
    const b = await login(deps, { email: EMAIL, password: PASSWORD, ip: '198.51.100.1' });
    await changePassword(deps, a.principal, { current: PASSWORD, next: 'brand new password' });
    expect(await authenticateSession(deps, a.token)).toBeNull();
    expect(await authenticateSession(deps, b.token)).toBeNull();
    expect(await deps.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    const old = await failure(login(deps, { email: EMAIL, password: PASSWORD, ip: IP }));
    expect(old.code).toBe('AUTH.INVALID_CREDENTIALS');
    const fresh = await login(deps, { email: EMAIL, password: 'brand new password', ip: IP });
    expect(fresh.principal).toEqual(manager);
    const user = await deps.db.selectFrom('users').select('version').executeTakeFirstOrThrow();
    expect(user.version).toBe(2);
  });

  it('changePassword refuses a wrong current password or a too short new one and keeps sessions', async () => {
    const { token, principal } = await login(deps, { email: EMAIL, password: PASSWORD, ip: IP });
    const wrong = await failure(
      changePassword(deps, principal, { current: 'not it at all', next: 'brand new password' }),
    );
    expect(wrong.code).toBe('AUTH.INVALID_CREDENTIALS');
    const short = await failure(changePassword(deps, principal, { current: PASSWORD, next: 'short' }));
    expect(short.code).toBe('VALIDATION.FAILED');
    expect(pathsAndMessages(short.details.fields)).toEqual([
      { path: 'next', message: 'New password must be at least 8 characters' },
    ]);
    expect(await authenticateSession(deps, token)).toEqual(manager);
    expect((await login(deps, { email: EMAIL, password: PASSWORD, ip: IP })).principal).toEqual(manager);
  });
});

/** The fields of a VALIDATION.FAILED without their Chinese text, for comparisons. */
function pathsAndMessages(fields: unknown) {
  return (fields as { path: string; message: string }[]).map(({ path, message }) => ({ path, message }));
}
