/**
 * The HTTP fixture of the API tests: per test, the Fastify app built on the workspace's
 * database (never listening: requests go through `inject`) and bearer headers for the team
 * members the file acts as; the app is closed after the test. Call it at describe level,
 * after withWorkspace:
 *
 *   const ws = withWorkspace(engine);
 *   const api = withApi(ws, ['manager', 'lead']);
 *   it('…', async () => { await api.app.inject({ url: '/api/customers', headers: api.as.lead }); });
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { createApiToken } from '../../src/app/auth/api-tokens.js';
import type { Deps, Principal } from '../../src/app/context.js';
import { buildApp, type ServerDeps } from '../../src/server/app.js';
import type { Team } from '../factories.js';
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
  let state: State<M> | undefined;
  beforeEach(async () => {
    const app = await buildApp({ ...ws.deps, dialect: ws.open.dialect });
    const as = {} as { [K in M]: Headers };
    for (const member of members) as[member] = await bearer(ws.deps, ws.team[member]);
    state = { app, as };
  });
  afterEach(async () => {
    const done = state;
    state = undefined;
    await done?.app.close();
  });
  const current = (): State<M> => {
    if (!state) throw new Error('withApi: read inside a test or hook, not at describe level');
    return state;
  };
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
