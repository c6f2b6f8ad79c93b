/**
 * Numbers past what an integer column holds (PostgreSQL's `integer` is 32-bit): every
 * version, revision and chain version a request names is refused as input — 400
 * VALIDATION.FAILED on that field — before it reaches the database, on both engines, over
 * every route whose body carries a version and on the reads that name a revision.
 */
import { describe, expect, it } from 'vitest';
import { createCustomer } from '../src/app/customers/create-customer.js';
import { createVisit } from '../src/app/visits/create-visit.js';
import { INT_COLUMN_MAX } from '../src/contract/common.js';
import type { Route } from '../src/contract/http.js';
import { api } from '../src/contract/routes.js';
import { withApi } from './harness/api.js';
import { engines } from './harness/databases.js';
import { withWorkspace } from './harness/workspace.js';

const TOO_BIG = INT_COLUMN_MAX + 1;

/** The routes whose body is an object with a `version` field (the writes under optimistic concurrency). */
function versionedWrites(): Route[] {
  const routes = Object.values(api).flatMap((group) => Object.values(group) as Route[]);
  return routes.filter((route) => {
    const shape = (route.body as { shape?: Record<string, unknown> } | undefined)?.shape;
    return shape !== undefined && 'version' in shape;
  });
}

describe.each(engines)('integer columns on $name', (engine) => {
  const ws = withWorkspace(engine);
  const http = withApi(ws, ['manager']);

  /** The field paths a 400 answer names, or the status when it is not a 400. */
  const refused = async (method: string, url: string, payload?: object) => {
    const answer = await http.app.inject({
      method: method as 'GET',
      url,
      headers: http.as.manager,
      ...(payload ? { payload } : {}),
    });
    if (answer.statusCode !== 400) return answer.statusCode;
    const body = answer.json() as { error: { code: string; details: { fields: { path: string }[] } } };
    expect(body.error.code).toBe('VALIDATION.FAILED');
    return body.error.details.fields.map((f) => f.path);
  };

  it('refuses a version past the column on every versioned write', async () => {
    const writes = versionedWrites();
    expect(writes.length).toBeGreaterThanOrEqual(10);
    for (const route of writes) {
      const url = route.path.replace(/:(\w+)/g, ws.deps.newId());
      expect(await refused(route.method, url, { version: TOO_BIG }), `${route.method} ${route.path}`).toEqual(
        expect.arrayContaining(['body.version']),
      );
    }
  });

  it("refuses it on a real record's update and discovery, where the database would be asked", async () => {
    const customer = await createCustomer(ws.deps, ws.team.manager, { name: '萧山纺织' });
    expect(
      await refused('PATCH', `/api/customers/${customer.id}`, { version: TOO_BIG, city: '杭州' }),
    ).toEqual(['body.version']);
    const visit = await createVisit(ws.deps, ws.team.manager, {
      customerId: customer.id,
      visitOn: '2026-03-02',
    });
    const discovery = { version: 1, discoveryVersion: TOO_BIG, answers: [], pains: [] };
    expect(await refused('PUT', `/api/visits/${visit.id}/discovery`, discovery)).toEqual([
      'body.discoveryVersion',
    ]);
  });

  it('refuses a plan revision past the column on the plan, its levels and its export', async () => {
    const plan = { target: '588万', year: 2026 };
    expect(
      (await http.app.inject({ method: 'POST', url: '/api/plans', headers: http.as.manager, payload: plan }))
        .statusCode,
    ).toBe(201);
    for (const url of [
      `/api/plans/2026?revision=${TOO_BIG}`,
      `/api/plans/2026?revision=${TOO_BIG}&level=months`,
      `/api/exports/plan.csv?year=2026&revision=${TOO_BIG}`,
    ]) {
      expect(await refused('GET', url), url).toEqual(['query.revision']);
    }
    // The largest value the column holds is a revision that does not exist, not a fault.
    expect(await refused('GET', `/api/plans/2026?revision=${INT_COLUMN_MAX}`)).toBe(404);
  });
});
