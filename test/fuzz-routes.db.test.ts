/**
 * Hostile values at every route of the contract, on both engines, as the workspace's
 * manager: each field of each body and query on its own, and each path parameter, given
 * what a person or a script could send — past a 32-bit column, past 2^53, negative,
 * fractional, empty, very long, of the wrong type, null, a list, an object, a NUL, odd
 * Unicode, an impossible date, SQL. Nothing answers 500, and every refusal carries a code
 * and a sentence. (The short form CI runs; what a value does to a route's data is each
 * route's own tests'.)
 */
import { describe, expect, it } from 'vitest';
import { createCustomer } from '../src/app/customers/create-customer.js';
import type { Route } from '../src/contract/http.js';
import { EXPORT_FORMATS, EXPORT_LISTS } from '../src/contract/imports.js';
import { api, exportRoute } from '../src/contract/routes.js';
import { withApi } from './harness/api.js';
import { engines } from './harness/databases.js';
import { withWorkspace } from './harness/workspace.js';

const HOSTILE: readonly unknown[] = [
  2 ** 31,
  2 ** 53,
  -1,
  0.5,
  1e308,
  '',
  'x'.repeat(20_000),
  '9'.repeat(400),
  null,
  [],
  {},
  true,
  'a\u0000b',
  '𠀀🙂\u202e',
  '2026-02-30',
  "'; drop table customers; --",
];

/** Every route of the contract: the map's entries and one export per list and format. */
function contractRoutes(): Route[] {
  const routes: Route[] = Object.values(api).flatMap((group) => Object.values(group) as Route[]);
  for (const list of EXPORT_LISTS)
    for (const format of EXPORT_FORMATS) routes.push(exportRoute(list, format));
  return routes;
}

/** The field names of an object schema (none for another schema). */
const fieldsOf = (schema: unknown): string[] =>
  Object.keys((schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});

/** A value as a query string carries it. */
const asQueryValue = (value: unknown) =>
  encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));

describe.each(engines)('hostile values at every route on $name', (engine) => {
  const ws = withWorkspace(engine);
  const http = withApi(ws, ['manager']);

  it('answers every one with a status below 500, and every refusal with a code and a message', async () => {
    const customer = await createCustomer(ws.deps, ws.team.manager, { name: '萧山纺织' });
    const failures: string[] = [];
    let sent = 0;
    const send = async (method: string, url: string, payload?: unknown) => {
      sent++;
      const where0 = `${method} ${url.slice(0, 120)} ${payload === undefined ? '' : JSON.stringify(payload).slice(0, 80)}`;
      const answer = await http.app
        .inject({
          method: method as 'GET',
          url,
          headers: http.as.manager,
          ...(payload === undefined ? {} : { payload: payload as object }),
        })
        // A download cut short (its stream failed after the headers went out).
        .catch((error: Error) => error);
      if (answer instanceof Error) {
        failures.push(`broken answer ${where0}: ${answer.message}`);
        return;
      }
      const where = `${method} ${url.slice(0, 120)} ${payload === undefined ? '' : JSON.stringify(payload).slice(0, 80)}`;
      if (answer.statusCode >= 500)
        failures.push(`${answer.statusCode} ${where}: ${answer.body.slice(0, 200)}`);
      else if (answer.statusCode >= 400) {
        const error = (answer.json() as { error?: { code?: unknown; message?: unknown } }).error;
        if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message === '')
          failures.push(`${answer.statusCode} without a code and a message: ${where}`);
      }
    };
    for (const route of contractRoutes()) {
      // The setup would succeed once no user exists; here one does (409), as in any workspace.
      const ids = [customer.id, ws.deps.newId()];
      for (const id of ids) {
        const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
          name === 'year' ? '2026' : name === 'key' ? 'price' : id,
        );
        for (const field of fieldsOf(route.query)) {
          for (const value of HOSTILE) await send(route.method, `${path}?${field}=${asQueryValue(value)}`);
        }
        for (const field of fieldsOf(route.body)) {
          for (const value of HOSTILE) await send(route.method, path, { [field]: value, version: 1 });
        }
        if (route.body) for (const value of HOSTILE) await send(route.method, path, value ?? 'null');
      }
      // A path parameter that is no id at all.
      if (route.path.includes(':')) {
        for (const value of ['abc', '0'.repeat(300), '%00', '2147483648'])
          await send(route.method, route.path.replace(/:(\w+)/g, value), route.body ? {} : undefined);
      }
    }
    expect(sent).toBeGreaterThan(2000);
    expect(failures).toEqual([]);
  });
});
