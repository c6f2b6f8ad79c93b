/**
 * The database fixture: per test, a fresh database on the engine under test, migrated,
 * seeded with a team (and, on request, a foreign workspace), with `deps` on a test clock;
 * closed again after the test. Call it once at describe level:
 *
 *   describe.each(engines)('deals on $name', (engine) => {
 *     const ws = withWorkspace(engine, { foreign: true });
 *     it('…', async () => { await createDeal(ws.deps, ws.team.lead, …); });
 *   });
 *
 * The values are read through getters because each test gets new ones.
 */
import type { Kysely, Selectable } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import { initWorkspace } from '../../src/app/auth/init-workspace.js';
import type { Deps, Principal } from '../../src/app/context.js';
import type { Database } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { AuditLogTable, Schema } from '../../src/db/schema.js';
import { seedTeam, type Team, testClock, testDeps } from '../factories.js';
import type { TestDatabase, TestEngine } from './databases.js';
import { hookState } from './hook-state.js';

/** The clock tests move: `now()` for deps, `advance(ms)` to let time pass. */
export type TestClock = ReturnType<typeof testClock>;

/** What a test file needs beyond a migrated database with one team. */
export interface WorkspaceOptions {
  /** Where the test clock starts (ISO instant); testClock's default otherwise. */
  readonly clock?: string;
  /** Also seed a second workspace ('宁波区域'), for checks that one team cannot see another's data. */
  readonly foreign?: boolean;
  /** False for tests that build their own workspace (e.g. through initWorkspace) or none. */
  readonly team?: boolean;
}

/** One test's database and the principals to act as. */
export interface Workspace {
  readonly database: TestDatabase;
  readonly open: Database<Schema>;
  readonly db: Kysely<Schema>;
  readonly clock: TestClock;
  readonly deps: Deps;
  readonly team: Team;
  readonly foreign: Team;
  /** The audit entries of one entity, oldest first. */
  audit(entityId: string): Promise<Selectable<AuditLogTable>[]>;
}

interface State {
  database: TestDatabase;
  open: Database<Schema>;
  clock: TestClock;
  deps: Deps;
  team?: Team;
  foreign?: Team;
}

/**
 * Registers the per-test set-up and clean-up on the current describe block and returns
 * the current test's workspace. Hooks the caller adds later run after the set-up and
 * before the clean-up, so they can use the database and close what they opened on it.
 */
export function withWorkspace(engine: TestEngine, options: WorkspaceOptions = {}): Workspace {
  const state = hookState<State>('withWorkspace');
  beforeEach(async () => {
    const database = await engine.create();
    const open = database.open() as Database<Schema>;
    await migrateToLatest(open.db as Kysely<unknown>);
    const clock = testClock(options.clock);
    const deps = testDeps(open.db, clock);
    const team = options.team === false ? undefined : await seedTeam(open.db);
    const foreign = options.foreign ? await seedTeam(open.db, '宁波区域') : undefined;
    state.set({ database, open, clock, deps, team, foreign });
  });
  afterEach(async () => {
    const done = state.take();
    await done?.open.close();
    await done?.database.dispose();
  });
  // A read outside a test (or of a part not asked for) is a mistake in the test file.
  const current = state.current;
  const seeded = (team: Team | undefined, option: string): Team => {
    if (!team) throw new Error(`withWorkspace: pass { ${option} } to seed this team`);
    return team;
  };
  return {
    get database() {
      return current().database;
    },
    get open() {
      return current().open;
    },
    get db() {
      return current().open.db;
    },
    get clock() {
      return current().clock;
    },
    get deps() {
      return current().deps;
    },
    get team() {
      return seeded(current().team, 'team: true');
    },
    get foreign() {
      return seeded(current().foreign, 'foreign: true');
    },
    audit: (entityId) =>
      current()
        .open.db.selectFrom('audit_log')
        .selectAll()
        .where('entity_id', '=', entityId)
        .orderBy('at')
        .orderBy('id')
        .execute(),
  };
}

/**
 * The first run through initWorkspace (workspace 华东区, manager 王经理 <boss@example.com>
 * with `password`), for tests of a workspace set up as a user sets one up (withWorkspace's
 * `team: false`); returns the manager's session principal.
 */
export async function initManager(deps: Deps, password = 'manager password'): Promise<Principal> {
  const ids = await initWorkspace(deps, {
    workspace: { name: '华东区' },
    manager: { email: 'boss@example.com', name: '王经理', password },
  });
  return { ...ids, role: 'manager', worksFor: null, via: 'session' };
}
