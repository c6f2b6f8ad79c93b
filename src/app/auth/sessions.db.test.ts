import { scryptSync } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { initManager, withWorkspace } from '../../../test/harness/workspace.js';
import type { Principal } from '../context.js';
import { sha256Hex } from './internal.js';
import { needsRehash, verifyPassword } from './passwords.js';
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

describe.each(engines)('sessions on $name', (engine) => {
  const ws = withWorkspace(engine, { team: false });
  let manager: Principal;

  beforeEach(async () => {
    manager = await initManager(ws.deps, PASSWORD);
  });

  const at = (ms: number) => {
    // Moves the clock to START + ms, wherever the test left it.
    ws.clock.advance(START.getTime() + ms - ws.clock.now().getTime());
  };

  it('replaces a hash of weaker scrypt parameters at the next sign-in, keeping the user record as it was', async () => {
    const salt = Buffer.alloc(16, 3);
    const key = scryptSync(PASSWORD, salt, 64, { N: 16384, r: 8, p: 1 });
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    await ws.db.updateTable('users').set({ password_hash: old }).where('id', '=', manager.userId).execute();
    const before = await ws.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', manager.userId)
      .executeTakeFirstOrThrow();
    await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP });
    const after = await ws.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', manager.userId)
      .executeTakeFirstOrThrow();
    expect(after.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(needsRehash(after.password_hash)).toBe(false);
    expect(await verifyPassword(PASSWORD, after.password_hash)).toBe(true);
    expect({ ...after, password_hash: before.password_hash }).toEqual(before);
    // The new hash signs in as the old one did, and is not replaced again.
    await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP });
    const again = await ws.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', manager.userId)
      .executeTakeFirstOrThrow();
    expect(again.password_hash).toBe(after.password_hash);
  });

  it('logs in and returns a session whose raw token is never stored', async () => {
    const result = await login(ws.deps, { email: '  Boss@Example.COM ', password: PASSWORD, ip: IP });
    expect(result.principal).toEqual(manager);
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.csrfToken).not.toBe(result.token);
    expect(result.expiresAt).toBe('2026-04-01T02:00:00.000Z');

    const rows = await ws.deps.db.selectFrom('sessions').selectAll().execute();
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
    expect(await authenticateSession(ws.deps, result.token)).toEqual(manager);

    const attempts = await ws.deps.db
      .selectFrom('login_attempts')
      .select(['key', 'succeeded'])
      .orderBy('key')
      .execute();
    expect(attempts).toEqual([
      { key: `account:${EMAIL}`, succeeded: 1 },
      { key: `device:${EMAIL}:${sha256Hex(result.deviceToken)}`, succeeded: 1 },
      { key: `ip:${IP}`, succeeded: 1 },
      { key: `pair:${EMAIL}|${IP}`, succeeded: 1 },
    ]);
  });

  it('answers a wrong password and an unknown email with the identical error, and records both', async () => {
    const wrongPassword = await expectAppError(
      login(ws.deps, { email: EMAIL, password: 'wrong password', ip: IP }),
      'AUTH.INVALID_CREDENTIALS',
    );
    const unknownEmail = await expectAppError(
      login(ws.deps, { email: 'nobody@example.com', password: PASSWORD, ip: IP }),
      'AUTH.INVALID_CREDENTIALS',
    );
    for (const error of [wrongPassword, unknownEmail]) {
      expect(error.httpStatus).toBe(401);
    }
    expect(unknownEmail.message).toBe(wrongPassword.message);
    expect(unknownEmail.messageIn('zh')).toBe(wrongPassword.messageIn('zh'));
    expect(unknownEmail.details).toEqual(wrongPassword.details);
    expect(await ws.deps.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    const attempts = await ws.deps.db.selectFrom('login_attempts').select(['key', 'succeeded']).execute();
    // The account, the address and the pair of each.
    expect(attempts).toHaveLength(6);
    expect(attempts.every((a) => a.succeeded === 0)).toBe(true);
  });

  it('slows one account from one address after three failures (30 s, doubling), and nobody else', async () => {
    for (let i = 0; i < 3; i++) {
      at(i * MINUTE);
      await expectAppError(
        login(ws.deps, { email: EMAIL, password: `wrong ${i}`, ip: IP }),
        'AUTH.INVALID_CREDENTIALS',
      );
    }
    // The third failure was at START + 2 min: 30 s to wait, even with the right password.
    at(2 * MINUTE + 10_000);
    const throttled = await expectAppError(
      login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP }),
      'AUTH.THROTTLED',
    );
    expect(throttled.httpStatus).toBe(429);
    expect(throttled.details).toEqual({ retryAfterSeconds: 20, retryAfterMinutes: 1 });
    // The same account from another address, and another account from this one, wait for nothing.
    expect(
      (await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: '198.51.100.1' })).principal,
    ).toEqual(manager);
    // A fourth failure once the wait is over doubles it: 60 s.
    at(2 * MINUTE + 30_000);
    await expectAppError(
      login(ws.deps, { email: EMAIL, password: 'wrong 3', ip: IP }),
      'AUTH.INVALID_CREDENTIALS',
    );
    at(2 * MINUTE + 30_000 + 59_000);
    await expectAppError(login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP }), 'AUTH.THROTTLED');
    at(2 * MINUTE + 30_000 + 60_000);
    expect((await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP })).principal).toEqual(manager);
    // A success ends the pair's run of failures: the next mistake is free again.
    await expectAppError(
      login(ws.deps, { email: EMAIL, password: 'wrong 4', ip: IP }),
      'AUTH.INVALID_CREDENTIALS',
    );
    expect((await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP })).principal).toEqual(manager);
  });

  it('refuses an account guessed at from ten addresses to unknown devices for 15 minutes; its known device still signs in', async () => {
    const { deviceToken } = await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP });
    for (let i = 0; i < 10; i++) {
      at(i * MINUTE);
      await expectAppError(
        login(ws.deps, { email: EMAIL, password: `wrong ${i}`, ip: `10.0.0.${i}` }),
        'AUTH.INVALID_CREDENTIALS',
      );
    }
    at(10 * MINUTE);
    const throttled = await expectAppError(
      login(ws.deps, { email: ' BOSS@example.com', password: PASSWORD, ip: IP }),
      'AUTH.THROTTLED',
    );
    // The first failure (at START) leaves the window at START + 15 min: 5 minutes from now.
    expect(throttled.details).toEqual({ retryAfterSeconds: 300, retryAfterMinutes: 5 });
    expect(throttled.messageIn('zh')).toContain('5 分钟');
    // A device this account signed in from before: the right password works.
    const known = await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP, device: deviceToken });
    expect(known.principal).toEqual(manager);
    expect(known.deviceToken).toBe(deviceToken);
    // A device token of nothing known (or another account's) is an unknown device.
    await expectAppError(
      login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP, device: 'made-up' }),
      'AUTH.THROTTLED',
    );
    at(15 * MINUTE);
    expect((await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP })).principal).toEqual(manager);
  });

  it('refuses an address with 20 failures over accounts to unknown devices, not other addresses nor known devices', async () => {
    const { deviceToken } = await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP });
    for (let i = 0; i < 20; i++) {
      await expectAppError(
        login(ws.deps, { email: `guess${i}@example.com`, password: 'nope nope', ip: IP }),
        'AUTH.INVALID_CREDENTIALS',
      );
    }
    const throttled = await expectAppError(
      login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP }),
      'AUTH.THROTTLED',
    );
    expect(throttled.details).toEqual({ retryAfterSeconds: 900, retryAfterMinutes: 15 });
    const elsewhere = await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: '198.51.100.1' });
    expect(elsewhere.principal).toEqual(manager);
    // The office behind one address: a colleague's own browser still gets in.
    const known = await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP, device: deviceToken });
    expect(known.principal).toEqual(manager);
  });

  it('logout ends that session only', async () => {
    const first = await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP });
    const second = await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP });
    await logout(ws.deps, first.token);
    expect(await authenticateSession(ws.deps, first.token)).toBeNull();
    expect(await authenticateSession(ws.deps, second.token)).toEqual(manager);
    await logout(ws.deps, first.token); // twice is harmless
  });

  it('returns null for an unknown token and for an expired session, which it deletes', async () => {
    const { token } = await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP });
    expect(await authenticateSession(ws.deps, 'not-a-session')).toBeNull();
    expect(await authenticateSession(ws.deps, '')).toBeNull();
    at(30 * DAY - 1);
    expect(await authenticateSession(ws.deps, token)).toEqual(manager);
    at(30 * DAY);
    expect(await authenticateSession(ws.deps, token)).toBeNull();
    expect(await ws.deps.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it("authenticateSessionWithCsrf also returns the session's CSRF token, and null like authenticateSession", async () => {
    const { token, csrfToken } = await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP });
    expect(await authenticateSessionWithCsrf(ws.deps, token)).toEqual({ principal: manager, csrfToken });
    expect(await authenticateSessionWithCsrf(ws.deps, 'not-a-session')).toBeNull();
    expect(await authenticateSessionWithCsrf(ws.deps, 'x'.repeat(257))).toBeNull();
    at(30 * DAY);
    expect(await authenticateSessionWithCsrf(ws.deps, token)).toBeNull();
  });

  it('changePassword ends every session of the user; the old password stops working', async () => {
    const a = await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP });
    const b = await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: '198.51.100.1' });
    await changePassword(ws.deps, a.principal, { current: PASSWORD, next: 'brand new password' });
    expect(await authenticateSession(ws.deps, a.token)).toBeNull();
    expect(await authenticateSession(ws.deps, b.token)).toBeNull();
    expect(await ws.deps.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    await expectAppError(
      login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP }),
      'AUTH.INVALID_CREDENTIALS',
    );
    const fresh = await login(ws.deps, { email: EMAIL, password: 'brand new password', ip: IP });
    expect(fresh.principal).toEqual(manager);
    const user = await ws.deps.db.selectFrom('users').select('version').executeTakeFirstOrThrow();
    expect(user.version).toBe(2);
  });

  it('changePassword refuses a wrong current password or a too short new one and keeps sessions', async () => {
    const { token, principal } = await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP });
    await expectAppError(
      changePassword(ws.deps, principal, { current: 'not it at all', next: 'brand new password' }),
      'AUTH.INVALID_CREDENTIALS',
    );
    const short = await expectAppError(
      changePassword(ws.deps, principal, { current: PASSWORD, next: 'short' }),
      'VALIDATION.FAILED',
    );
    expect(pathsAndMessages(short.details.fields)).toEqual([
      { path: 'next', message: 'New password must be at least 8 characters' },
    ]);
    expect(await authenticateSession(ws.deps, token)).toEqual(manager);
    expect((await login(ws.deps, { email: EMAIL, password: PASSWORD, ip: IP })).principal).toEqual(manager);
  });
});

/** The fields of a VALIDATION.FAILED without their Chinese text, for comparisons. */
function pathsAndMessages(fields: unknown) {
  return (fields as { path: string; message: string }[]).map(({ path, message }) => ({ path, message }));
}
