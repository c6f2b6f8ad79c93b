import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { engines } from '../../test/harness/databases.js';
import { withWorkspace } from '../../test/harness/workspace.js';
import { errorStatusesOf, type Route } from '../contract/http.js';
import { EXPORT_FORMATS, EXPORT_LISTS } from '../contract/imports.js';
import { api, exportRoute } from '../contract/routes.js';
import { buildApp } from './app.js';

interface Operation {
  summary?: string;
  tags?: string[];
  responses: Record<string, unknown>;
}

/** Every route of the contract: the map's entries and one export per list and format. */
function contractRoutes(): Route[] {
  const routes: Route[] = Object.values(api).flatMap((group) => Object.values(group) as Route[]);
  for (const list of EXPORT_LISTS)
    for (const format of EXPORT_FORMATS) routes.push(exportRoute(list, format));
  return routes;
}

describe.each(engines)('the route map on $name', (engine) => {
  const ws = withWorkspace(engine, { team: false });
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('is what the server serves: each entry documented with its summary, tags and statuses, and nothing else', async () => {
    app = await buildApp({ ...ws.deps, dialect: ws.open.dialect, webRoot: false });
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const routes = contractRoutes();
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation?.summary).toBe(route.summary);
      expect(operation?.tags).toEqual(route.tags);
      expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(
        [route.status, ...errorStatusesOf(route)].map(String).sort(),
      );
    }
    const served = Object.values(doc.paths).flatMap((methods) => Object.keys(methods));
    expect(served).toHaveLength(routes.length);
  });

  it('answers with the entry’s success status (201 on create, 204 on delete)', async () => {
    app = await buildApp({ ...ws.deps, dialect: ws.open.dialect, webRoot: false });
    const setup = await app.inject({
      method: 'POST',
      url: api.auth.setup.path,
      payload: {
        workspace: { name: '杭州区域' },
        manager: { name: '王经理', email: 'wang@example.com', password: 'correct-horse-1' },
      },
    });
    expect(setup.statusCode).toBe(api.auth.setup.status);
    const login = await app.inject({
      method: 'POST',
      url: api.auth.login.path,
      payload: { email: 'wang@example.com', password: 'correct-horse-1' },
    });
    expect(login.statusCode).toBe(api.auth.login.status);
    const headers = {
      cookie: `closer_session=${login.cookies.find((c) => c.name === 'closer_session')?.value}`,
      'x-csrf-token': login.json().csrfToken as string,
    };
    const created = await app.inject({
      method: 'POST',
      url: '/api/customers',
      headers,
      payload: { name: '甲公司' },
    });
    expect(created.statusCode).toBe(api.customers.create.status);
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/customers/${created.json().id}`,
      headers,
    });
    expect(removed.statusCode).toBe(api.customers.remove.status);
    expect(removed.body).toBe('');
  });
});
