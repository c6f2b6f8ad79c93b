/** The sign-in attempts a manager sees: the workspace's accounts only, newest first, managers only. */
import { describe, expect, it } from 'vitest';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { pairKey } from './sessions.js';
import { listSignInAttempts } from './sign-in-attempts.js';

describe.each(engines)('sign-in attempts on $name', (engine) => {
  const ws = withWorkspace(engine, { foreign: true });

  const emailOf = async (userId: string) =>
    (await ws.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow())
      .email;

  it("lists the last 7 days' attempts on the workspace's accounts, newest first; leads are refused", async () => {
    const lead = await emailOf(ws.team.lead.userId);
    const foreign = await emailOf(ws.foreign.lead.userId);
    const now = ws.clock.now().getTime();
    const row = (key: string, minutesAgo: number, succeeded: number) => ({
      id: ws.deps.newId(),
      key,
      at: new Date(now - minutesAgo * 60_000).toISOString(),
      succeeded,
    });
    await ws.db
      .insertInto('login_attempts')
      .values([
        row(pairKey(lead, '203.0.113.7'), 30, 0),
        row(pairKey(lead, '198.51.100.1'), 10, 1),
        // Another workspace's account, an older attempt, and the other kinds of rows: not listed.
        row(pairKey(foreign, '203.0.113.7'), 5, 0),
        row(pairKey(lead, '203.0.113.7'), 8 * 24 * 60, 0),
        row(`account:${lead}`, 1, 0),
        row('ip:203.0.113.7', 1, 0),
      ])
      .execute();
    expect(await listSignInAttempts(ws.deps, ws.team.manager)).toEqual([
      {
        email: lead,
        address: '198.51.100.1',
        at: new Date(now - 10 * 60_000).toISOString(),
        succeeded: true,
      },
      {
        email: lead,
        address: '203.0.113.7',
        at: new Date(now - 30 * 60_000).toISOString(),
        succeeded: false,
      },
    ]);
    await expectAppError(listSignInAttempts(ws.deps, ws.team.lead), 'AUTH.FORBIDDEN');
  });
});
