import { describe, expect, it } from 'vitest';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { initWorkspace } from './init-workspace.js';
import { verifyPassword } from './passwords.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');

const input = {
  workspace: { name: '  华东区  ' },
  manager: { email: '  Boss@Example.COM ', name: '王经理', password: 'manager password' },
};

describe.each(engines)('initWorkspace on $name', (engine) => {
  const ws = withWorkspace(engine, { team: false });

  const counts = async () => ({
    workspaces: (await ws.deps.db.selectFrom('workspaces').select('id').execute()).length,
    users: (await ws.deps.db.selectFrom('users').select('id').execute()).length,
    memberships: (await ws.deps.db.selectFrom('memberships').select('id').execute()).length,
  });

  it('creates the workspace with defaults, the manager and the membership', async () => {
    const ids = await initWorkspace(ws.deps, input);
    const now = NOW.toISOString();
    expect(await ws.deps.db.selectFrom('workspaces').selectAll().execute()).toEqual([
      {
        id: ids.workspaceId,
        name: '华东区',
        currency: 'CNY',
        time_zone: 'Asia/Shanghai',
        locale: 'zh-CN',
        calendar_overrides: '{}',
        third_meeting_policy: 'warn',
        created_at: now,
        updated_at: now,
        version: 1,
      },
    ]);
    const user = await ws.deps.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ id: ids.userId, email: 'boss@example.com', name: '王经理', locale: null });
    expect(user.password_hash).not.toContain('manager password');
    expect(await verifyPassword('manager password', user.password_hash)).toBe(true);
    expect(await ws.deps.db.selectFrom('memberships').selectAll().execute()).toEqual([
      {
        id: ids.membershipId,
        workspace_id: ids.workspaceId,
        user_id: ids.userId,
        role: 'manager',
        duty: null,
        works_for: null,
        weight: 1,
        created_at: now,
        updated_at: now,
        version: 1,
      },
    ]);
  });

  it('takes currency, time zone and locale when given', async () => {
    await initWorkspace(ws.deps, {
      ...input,
      workspace: { name: 'Export team', currency: 'USD', timeZone: 'Europe/Berlin', locale: 'en' },
    });
    expect(
      await ws.deps.db
        .selectFrom('workspaces')
        .select(['currency', 'time_zone', 'locale'])
        .executeTakeFirst(),
    ).toEqual({ currency: 'USD', time_zone: 'Europe/Berlin', locale: 'en' });
  });

  it('refuses a second set-up with SETUP.ALREADY_DONE and writes nothing', async () => {
    await initWorkspace(ws.deps, input);
    const error = await expectAppError(
      initWorkspace(ws.deps, { ...input, manager: { ...input.manager, email: 'other@example.com' } }),
      'SETUP.ALREADY_DONE',
    );
    expect(error.httpStatus).toBe(409);
    expect(await counts()).toEqual({ workspaces: 1, users: 1, memberships: 1 });
  });

  it('refuses invalid input with VALIDATION.FAILED and field details, writing nothing', async () => {
    const error = await expectAppError(
      initWorkspace(ws.deps, {
        workspace: { name: '', currency: 'rmb', timeZone: 'Mars/Olympus', locale: 'fr', plan: 'gold' },
        manager: { email: 'not an email', name: 'X', password: 'short' },
        extra: true,
      }),
      'VALIDATION.FAILED',
    );
    expect(error.httpStatus).toBe(400);
    const paths = (error.details.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual([
      '(input)',
      'manager.email',
      'manager.password',
      'workspace',
      'workspace.currency',
      'workspace.locale',
      'workspace.name',
      'workspace.timeZone',
    ]);
    expect(error.details.problems).toContain('Password must be at least 8 characters');
    expect(error.details.problemsZh).toContain('密码至少 8 个字符');
    expect(error.messageIn('zh')).toContain('请填写工作区名称');
    expect(await counts()).toEqual({ workspaces: 0, users: 0, memberships: 0 });
  });
});
