/**
 * The HTTP fixtures of the API tests. withApi: per test, the Fastify app built on the workspace's
 * database (never listening: requests go through `inject`) and bearer headers for the team
 * members the file acts as; the app is closed after the test. Call it at describe level,
 * after withWorkspace:
 *
 *   const ws = withWorkspace(engine);
 *   const api = withApi(ws, ['manager', 'lead']);
 *   it('…', async () => { await api.app.inject({ url: '/api/customers', headers: api.as.lead }); });
 *
 * withFileApi: one app on one seeded database for a whole file that only reads.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createApiToken } from '../../src/app/auth/api-tokens.js';
import type { Deps, Principal } from '../../src/app/context.js';
import type { Database } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Schema } from '../../src/db/schema.js';
import { buildApp, type ServerDeps } from '../../src/server/app.js';
import { seedTeam, type Team, testDeps } from '../factories.js';
import type { TestDatabase, TestEngine } from './databases.js';
import { hookState } from './hook-state.js';
import type { Workspace } from './workspace.js';

/** The members of a seeded team a test can act as. */
export type Member = Exclude<keyof Team, 'workspaceId' | 'marketId'>;

/** Request headers: here, an `authorization` bearer header. */
export type Headers = Record<string, string>;

/** The bearer header of a new API token of `principal`. */
export async function bearer(deps: Deps, principal: Principal): Promise<Headers> {
  return { authorization: `Bearer ${(await createApiToken(deps, principal, { name: 't' })).token}` };
}

/** One test's app and the headers to call it with. */
export interface Api<M extends Member> {
  readonly app: FastifyInstance;
  /** The bearer headers of each member asked for, minted before the test. */
  readonly as: { readonly [K in M]: Headers };
  /** The bearer headers of any other principal (a foreign team's, say), minted now. */
  bearer(principal: Principal): Promise<Headers>;
  /**
   * Closes this test's app and builds another on `deps` (a restart on a new connection);
   * the new one is closed after the test too.
   */
  restart(deps: ServerDeps): Promise<FastifyInstance>;
}

interface State<M extends Member> {
  app: FastifyInstance;
  as: { [K in M]: Headers };
}

/** Registers the per-test app on the current describe block and returns the current test's. */
export function withApi<M extends Member>(ws: Workspace, members: readonly M[] = []): Api<M> {
  const state = hookState<State<M>>('withApi');
  beforeEach(async () => {
    const app = await buildApp({ ...ws.deps, dialect: ws.open.dialect });
    const as = {} as { [K in M]: Headers };
    for (const member of members) as[member] = await bearer(ws.deps, ws.team[member]);
    state.set({ app, as });
  });
  afterEach(async () => {
    await state.take()?.app.close();
  });
  const current = state.current;
  return {
    get app() {
      return current().app;
    },
    get as() {
      return current().as;
    },
    bearer: (principal) => bearer(ws.deps, principal),
    async restart(deps) {
      const now = current();
      await now.app.close();
      now.app = await buildApp(deps);
      return now.app;
    },
  };
}

/** The app one test file shares across its tests, and the manager's headers. */
export interface FileApi {
  readonly app: FastifyInstance;
  /** The bearer headers of the seeded team's manager. */
  readonly manager: Headers;
}

/**
 * For read-only test files (the OpenAPI document, field messages): one migrated database on
 * `engine` with a seeded team and one app for all the file's tests, made in beforeAll and
 * closed in afterAll. Call it at describe level; read it inside the tests.
 */
export function withFileApi(engine: TestEngine): FileApi {
  const state = hookState<{
    database: TestDatabase;
    open: Database<Schema>;
    app: FastifyInstance;
    manager: Headers;
  }>('withFileApi', 'a test');
  beforeAll(async () => {
    const database = await engine.create();
    const open = database.open() as Database<Schema>;
    await migrateToLatest(open.db as Kysely<unknown>);
    const deps = testDeps(open.db);
    const app = await buildApp({ ...deps, dialect: open.dialect });
    const team = await seedTeam(open.db);
    state.set({ database, open, app, manager: await bearer(deps, team.manager) });
  });
  afterAll(async () => {
    const done = state.take();
    await done?.app.close();
    await done?.open.close();
    await done?.database.dispose();
  });
  const current = state.current;
  return {
    get app() {
      return current().app;
    },
    get manager() {
      return current().manager;
    },
  };
}
