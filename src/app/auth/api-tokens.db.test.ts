import { uuidv7 } from 'uuidv7';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedLoneMember } from '../../../test/factories.js';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { initManager, withWorkspace } from '../../../test/harness/workspace.js';
import type { Principal } from '../context.js';
import { authenticateApiToken, createApiToken, revokeApiToken } from './api-tokens.js';
import { sha256Hex } from './internal.js';
import { createMember } from './members.js';

const START = new Date('2026-03-02T02:00:00.000Z');

describe.each(engines)('API tokens on $name', (engine) => {
  const ws = withWorkspace(engine, { team: false });
  let manager: Principal;
  let lead: Principal;

  beforeEach(async () => {
    manager = await initManager(ws.deps);
    const member = await createMember(ws.deps, manager, {
      email: 'li@example.com',
      name: '李组长',
      password: 'lead password',
      role: 'lead',
    });
    lead = { ...manager, ...member, role: 'lead' };
  });

  it('creates a token shown once, stored only as its SHA-256, that authenticates and records its use', async () => {
    const created = await createApiToken(ws.deps, lead, { name: ' CRM sync ' });
    expect(created.token).toMatch(/^clo_[A-Za-z0-9_-]{43}$/);
    const rows = await ws.deps.db.selectFrom('api_tokens').selectAll().execute();
    expect(rows).toEqual([
      {
        id: created.id,
        workspace_id: lead.workspaceId,
        user_id: lead.userId,
        name: 'CRM sync',
        token_hash: sha256Hex(created.token),
        created_at: START.toISOString(),
        last_used_at: null,
        revoked_at: null,
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(created.token.slice(4));

    ws.clock.advance(60_000);
    expect(await authenticateApiToken(ws.deps, created.token)).toEqual({ ...lead, via: 'token' });
    const used = await ws.deps.db.selectFrom('api_tokens').select('last_used_at').executeTakeFirstOrThrow();
    expect(used.last_used_at).toBe('2026-03-02T02:01:00.000Z');
  });

  it('returns null for unknown or malformed tokens', async () => {
    const { token } = await createApiToken(ws.deps, lead, { name: 'x' });
    expect(await authenticateApiToken(ws.deps, `${token}x`)).toBeNull();
    expect(await authenticateApiToken(ws.deps, token.slice(4))).toBeNull();
    expect(await authenticateApiToken(ws.deps, '')).toBeNull();
  });

  it('refuses an empty name or unknown fields with VALIDATION.FAILED', async () => {
    const error = await expectAppError(
      createApiToken(ws.deps, lead, { name: '  ', scope: 'all' }),
      'VALIDATION.FAILED',
    );
    expect((error.details.fields as { path: string }[]).map((f) => f.path).sort()).toEqual([
      '(input)',
      'name',
    ]);
  });

  it('a revoked token no longer authenticates; revoking twice is harmless', async () => {
    const { id, token } = await createApiToken(ws.deps, lead, { name: 'script' });
    await revokeApiToken(ws.deps, lead, id);
    expect(await authenticateApiToken(ws.deps, token)).toBeNull();
    const row = await ws.deps.db.selectFrom('api_tokens').select('revoked_at').executeTakeFirstOrThrow();
    expect(row.revoked_at).toBe(START.toISOString());
    ws.clock.advance(1000);
    await revokeApiToken(ws.deps, lead, id);
    const again = await ws.deps.db.selectFrom('api_tokens').select('revoked_at').executeTakeFirstOrThrow();
    expect(again.revoked_at).toBe(START.toISOString());
  });

  it("a manager of the same workspace may revoke a member's token; another member may not", async () => {
    const mine = await createApiToken(ws.deps, manager, { name: 'manager token' });
    await expectAppError(revokeApiToken(ws.deps, lead, mine.id), 'NOT_FOUND');
    expect(await authenticateApiToken(ws.deps, mine.token)).not.toBeNull();

    const theirs = await createApiToken(ws.deps, lead, { name: 'lead token' });
    await revokeApiToken(ws.deps, manager, theirs.id);
    expect(await authenticateApiToken(ws.deps, theirs.token)).toBeNull();
  });

  it("a manager of workspace B gets NOT_FOUND for workspace A's token, as for an unknown id", async () => {
    const { id, token } = await createApiToken(ws.deps, lead, { name: 'script' });
    const managerB = await seedLoneMember(ws.db, 'manager');

    const foreign = await expectAppError(revokeApiToken(ws.deps, managerB, id), 'NOT_FOUND');
    const unknown = await expectAppError(revokeApiToken(ws.deps, managerB, uuidv7()), 'NOT_FOUND');
    expect(foreign.httpStatus).toBe(404);
    expect(foreign.messageIn('en')).toBe(unknown.messageIn('en'));
    expect(await authenticateApiToken(ws.deps, token)).toEqual({ ...lead, via: 'token' });
  });
});
