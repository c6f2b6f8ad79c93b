import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../../../test/harness/databases.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Deps, Principal } from '../context.js';
import { authenticateApiToken, createApiToken, revokeApiToken } from './api-tokens.js';
import { initWorkspace } from './init-workspace.js';
import { sha256Hex } from './internal.js';
import { createMember } from './members.js';

const START = new Date('2026-03-02T02:00:00.000Z');

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe.each(engines)('API tokens on $name', (engine) => {
  let database: TestDatabase;
  let opened: Database;
  let now: Date;
  let deps: Deps;
  let manager: Principal;
  let lead: Principal;

  beforeEach(async () => {
    database = await engine.create();
    opened = database.open();
    await migrateToLatest(opened.db);
    now = START;
    deps = { db: opened.db as Kysely<Schema>, clock: () => new Date(now.getTime()), newId: uuidv7 };
    const ids = await initWorkspace(deps, {
      workspace: { name: '华东区' },
      manager: { email: 'boss@example.com', name: '王经理', password: 'manager password' },
    });
    manager = { ...ids, role: 'manager', worksFor: null, via: 'session' };
    const member = await createMember(deps, manager, {
      email: 'li@example.com',
      name: '李组长',
      password: 'lead password',
      role: 'lead',
    });
    lead = { ...manager, ...member, role: 'lead' };
  });

  afterEach(async () => {
    await opened.close();
    await database.dispose();
  });

  it('creates a token shown once, stored only as its SHA-256, that authenticates and records its use', async () => {
    const created = await createApiToken(deps, lead, { name: ' CRM sync ' });
    expect(created.token).toMatch(/^clo_[A-Za-z0-9_-]{43}$/);
    const rows = await deps.db.selectFrom('api_tokens').selectAll().execute();
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

    now = new Date(START.getTime() + 60_000);
    expect(await authenticateApiToken(deps, created.token)).toEqual({ ...lead, via: 'token' });
    const used = await deps.db.selectFrom('api_tokens').select('last_used_at').executeTakeFirstOrThrow();
    expect(used.last_used_at).toBe('2026-03-02T02:01:00.000Z');
  });

  it('returns null for unknown or malformed tokens', async () => {
    const { token } = await createApiToken(deps, lead, { name: 'x' });
    expect(await authenticateApiToken(deps, `${token}x`)).toBeNull();
    expect(await authenticateApiToken(deps, token.slice(4))).toBeNull();
    expect(await authenticateApiToken(deps, '')).toBeNull();
  });

  it('refuses an empty name or unknown fields with VALIDATION.FAILED', async () => {
    const error = await failure(createApiToken(deps, lead, { name: '  ', scope: 'all' }));
    expect(error.code).toBe('VALIDATION.FAILED');
    expect((error.details.fields as { path: string }[]).map((f) => f.path).sort()).toEqual([
      '(input)',
      'name',
    ]);
  });

  it('a revoked token no longer authenticates; revoking twice is harmless', async () => {
    const { id, token } = await createApiToken(deps, lead, { name: 'script' });
    await revokeApiToken(deps, lead, id);
    expect(await authenticateApiToken(deps, token)).toBeNull();
    const row = await deps.db.selectFrom('api_tokens').select('revoked_at').executeTakeFirstOrThrow();
    expect(row.revoked_at).toBe(START.toISOString());
    now = new Date(START.getTime() + 1000);
    await revokeApiToken(deps, lead, id);
    const again = await deps.db.selectFrom('api_tokens').select('revoked_at').executeTakeFirstOrThrow();
    expect(again.revoked_at).toBe(START.toISOString());
  });

  it("a manager of the same workspace may revoke a member's token; another member may not", async () => {
    const mine = await createApiToken(deps, manager, { name: 'manager token' });
    const forbidden = await failure(revokeApiToken(deps, lead, mine.id));
    expect(forbidden.code).toBe('NOT_FOUND');
    expect(await authenticateApiToken(deps, mine.token)).not.toBeNull();

    const theirs = await createApiToken(deps, lead, { name: 'lead token' });
    await revokeApiToken(deps, manager, theirs.id);
    expect(await authenticateApiToken(deps, theirs.token)).toBeNull();
  });

  it("a manager of workspace B gets NOT_FOUND for workspace A's token, as for an unknown id", async () => {
    const { id, token } = await createApiToken(deps, lead, { name: 'script' });
    const at = START.toISOString();
    await deps.db
      .insertInto('workspaces')
      .values({ id: 'ws-b', name: 'B', created_at: at, updated_at: at })
      .execute();
    await deps.db
      .insertInto('users')
      .values({
        id: 'u-b',
        email: 'b@example.com',
        name: 'B',
        password_hash: 'x',
        locale: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await deps.db
      .insertInto('memberships')
      .values({
        id: 'm-b',
        workspace_id: 'ws-b',
        user_id: 'u-b',
        role: 'manager',
        duty: null,
        works_for: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const managerB: Principal = {
      userId: 'u-b',
      workspaceId: 'ws-b',
      membershipId: 'm-b',
      role: 'manager',
      worksFor: null,
      via: 'session',
    };

    const foreign = await failure(revokeApiToken(deps, managerB, id));
    const unknown = await failure(revokeApiToken(deps, managerB, uuidv7()));
    expect(foreign.code).toBe('NOT_FOUND');
    expect(foreign.httpStatus).toBe(404);
    expect(foreign.messageIn('en')).toBe(unknown.messageIn('en'));
    expect(await authenticateApiToken(deps, token)).toEqual({ ...lead, via: 'token' });
  });
});
