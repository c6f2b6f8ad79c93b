import { beforeEach, describe, expect, it } from 'vitest';
import { seedLoneMember } from '../../../test/factories.js';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { initManager, withWorkspace } from '../../../test/harness/workspace.js';
import type { Principal } from '../context.js';
import { createMember } from './members.js';
import { verifyPassword } from './passwords.js';
import { login } from './sessions.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');

describe.each(engines)('createMember on $name', (engine) => {
  const ws = withWorkspace(engine, { team: false });
  let manager: Principal;

  beforeEach(async () => {
    manager = await initManager(ws.deps);
  });

  const counts = async () => ({
    users: (await ws.deps.db.selectFrom('users').select('id').execute()).length,
    memberships: (await ws.deps.db.selectFrom('memberships').select('id').execute()).length,
  });

  const lead = { email: 'li@example.com', name: '李组长', password: 'lead password', role: 'lead' } as const;
  // An assistant without the duty and the salesperson they work for, which an assistant needs.
  const assistantOnly = {
    email: 'zhao@example.com',
    name: '赵助理',
    password: 'assistant password',
    role: 'assistant',
  } as const;

  it('creates a lead and an assistant working for the lead; the password is stored hashed', async () => {
    const created = await createMember(ws.deps, manager, { ...lead, email: '  Li@Example.com ' });
    const assistant = await createMember(ws.deps, manager, {
      ...assistantOnly,
      duty: 'prospecting',
      worksFor: created.membershipId,
    });

    const user = await ws.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', created.userId)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: 'li@example.com', name: '李组长', created_at: NOW.toISOString() });
    expect(user.password_hash).not.toContain('lead password');
    expect(user.password_hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('lead password', user.password_hash)).toBe(true);

    const memberships = await ws.deps.db
      .selectFrom('memberships')
      .select(['id', 'workspace_id', 'user_id', 'role', 'duty', 'works_for', 'version'])
      .where('id', 'in', [created.membershipId, assistant.membershipId])
      .orderBy('id')
      .execute();
    expect(memberships).toEqual([
      {
        id: created.membershipId,
        workspace_id: manager.workspaceId,
        user_id: created.userId,
        role: 'lead',
        duty: null,
        works_for: null,
        version: 1,
      },
      {
        id: assistant.membershipId,
        workspace_id: manager.workspaceId,
        user_id: assistant.userId,
        role: 'assistant',
        duty: 'prospecting',
        works_for: created.membershipId,
        version: 1,
      },
    ]);

    const session = await login(ws.deps, {
      email: 'zhao@example.com',
      password: 'assistant password',
      ip: '::1',
    });
    expect(session.principal).toEqual({
      userId: assistant.userId,
      workspaceId: manager.workspaceId,
      membershipId: assistant.membershipId,
      role: 'assistant',
      worksFor: created.membershipId,
      via: 'session',
    });
  });

  it('refuses callers who are not managers with AUTH.FORBIDDEN', async () => {
    const created = await createMember(ws.deps, manager, lead);
    const asLead: Principal = {
      ...manager,
      userId: created.userId,
      membershipId: created.membershipId,
      role: 'lead',
    };
    const error = await expectAppError(
      createMember(ws.deps, asLead, { ...lead, email: 'x@example.com', name: 'X' }),
      'AUTH.FORBIDDEN',
    );
    expect(error.httpStatus).toBe(403);
    expect(await counts()).toEqual({ users: 2, memberships: 2 });
  });

  it('refuses an email already used (any case) with USER.EMAIL_TAKEN and writes nothing', async () => {
    await createMember(ws.deps, manager, lead);
    const before = await counts();
    const error = await expectAppError(
      createMember(ws.deps, manager, { ...lead, email: 'LI@example.com', name: '另一个' }),
      'USER.EMAIL_TAKEN',
    );
    expect(error.httpStatus).toBe(409);
    expect(error.details).toEqual({ email: 'li@example.com' });
    expect(await counts()).toEqual(before);
  });

  it('requires duty and worksFor for an assistant, with field details', async () => {
    const error = await expectAppError(createMember(ws.deps, manager, assistantOnly), 'VALIDATION.FAILED');
    expect(error.httpStatus).toBe(400);
    expect(pathsAndMessages(error.details.fields)).toEqual([
      { path: 'duty', message: 'Choose the duty of the assistant' },
      { path: 'worksFor', message: 'Choose the salesperson the assistant works for' },
    ]);
    expect(await counts()).toEqual({ users: 1, memberships: 1 });
  });

  it('forbids duty and worksFor for other roles, and unknown fields', async () => {
    const error = await expectAppError(
      createMember(ws.deps, manager, { ...lead, duty: 'after_sales', nickname: 'Li' }),
      'VALIDATION.FAILED',
    );
    const fields = error.details.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path)).toEqual(['(input)', 'duty']);
    expect(fields[0]?.message).toContain('nickname');
    const roleError = await expectAppError(
      createMember(ws.deps, manager, { ...lead, duty: 'after_sales' }),
      'VALIDATION.FAILED',
    );
    expect(pathsAndMessages(roleError.details.fields)).toEqual([
      { path: 'duty', message: 'Only an assistant has a duty' },
    ]);
  });

  it('refuses a worksFor that is not a lead of this workspace', async () => {
    const assistant = {
      email: 'a@example.com',
      name: 'A',
      password: 'a password',
      role: 'assistant',
      duty: 'after_sales',
    } as const;
    // A lead of another workspace (set up directly: initWorkspace allows one first run).
    const otherLead = await seedLoneMember(ws.db, 'lead');
    const before = await counts();

    for (const worksFor of [otherLead.membershipId, manager.membershipId, 'no-such-membership']) {
      const error = await expectAppError(
        createMember(ws.deps, manager, { ...assistant, worksFor }),
        'VALIDATION.FAILED',
      );
      expect(pathsAndMessages(error.details.fields)).toEqual([
        { path: 'worksFor', message: 'Salesperson: not a lead of this workspace' },
      ]);
    }
    expect(await counts()).toEqual(before);
  });
});

/** The fields of a VALIDATION.FAILED without their Chinese text, for comparisons. */
function pathsAndMessages(fields: unknown) {
  return (fields as { path: string; message: string }[]).map(({ path, message }) => ({ path, message }));
}
