/**
 * No zod text reaches a caller: every JSON route of the API (read from its own OpenAPI
 * document, so a new route is covered without touching this file) is sent bodies and
 * queries a person could produce — fields left empty, too short, of the wrong type, a
 * field that does not exist — and every VALIDATION.FAILED answer, in zh-CN and en, must
 * read as sentences that name their field, with none of zod's default phrases.
 */
import { describe, expect, it } from 'vitest';
import { findFieldLabel } from '../src/domain/field-messages.js';
import { withFileApi } from './harness/api.js';
import { engines } from './harness/databases.js';

/** zod's own wording, English and its zh-CN locale: none of it may reach a caller. */
const ZOD_DEFAULT =
  /Too (small|big)|Invalid (input|option|email|UUID|ISO|string|key|element|union|date|type|number)|expected (string|number|boolean|array|object|int|one of|nonoptional|bigint)|, received|received (undefined|null|string|number|object|array|boolean)|Unrecognized key|>=|<=|期望|无效|数值过|实际接收|未知的键|选项|非法/;

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type Operation = {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

const ID = '0190a000-0000-7000-8000-00000000abcd';

/** The property names of a body schema (through the allOf / anyOf zod emits for refinements). */
function properties(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const own = Object.keys(schema.properties ?? {});
  const nested = [...(schema.allOf ?? []), ...(schema.anyOf ?? [])].flatMap(properties);
  return [...new Set([...own, ...nested])];
}

/** Wrong bodies a form or a program could send: each field empty, short, mistyped, absent. */
function badBodies(keys: readonly string[]): Record<string, unknown>[] {
  const all = (value: unknown) => Object.fromEntries(keys.map((k) => [k, value]));
  return [{}, all(''), all('x'), all(12345), all(null), all([]), { notAField: 1 }];
}

/** The route's subject as the server derives it: its last fixed URL segment. */
function subjectOf(path: string): string | undefined {
  const fixed = path.split('/').filter((s) => s !== '' && s !== 'api' && !s.startsWith('{'));
  return fixed[fixed.length - 1];
}

describe.each(engines)('field errors on $name', (engine) => {
  const api = withFileApi(engine);

  it('answers every bad body and query with sentences naming the field, in both languages', async () => {
    const doc = (await api.app.inject({ url: '/api/openapi.json', headers: api.manager })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const seen = { answers: 0, fields: 0 };
    // One line per route, field and kind of problem (the first example), so a failure reads short.
    const found = new Map<string, string>();
    const problem = (key: string, example: string) => {
      if (!found.has(key)) found.set(key, example);
    };
    for (const [template, operations] of Object.entries(doc.paths)) {
      const url = template.replace(/\{[^}]+\}/g, ID);
      const subject = subjectOf(template);
      for (const [method, op] of Object.entries(operations)) {
        const json = op.requestBody?.content?.['application/json'];
        const requests: { payload?: Record<string, unknown>; query?: Record<string, string> }[] = [];
        if (json) for (const payload of badBodies(properties(json.schema))) requests.push({ payload });
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        for (const value of ['', 'x', '-1']) {
          if (query.length > 0) requests.push({ query: Object.fromEntries(query.map((q) => [q, value])) });
        }
        for (const request of requests) {
          for (const lang of ['zh-CN', 'en'] as const) {
            const res = await api.app.inject({
              method: method.toUpperCase() as 'GET',
              url,
              headers: { ...api.manager, 'accept-language': lang },
              ...(request.payload ? { payload: request.payload } : {}),
              ...(request.query ? { query: request.query } : {}),
            });
            if (res.statusCode !== 400) continue;
            const error = res.json().error as {
              code: string;
              message: string;
              details: { fields?: { path: string; message: string }[] };
            };
            if (error.code !== 'VALIDATION.FAILED') continue;
            seen.answers += 1;
            const where = `${method.toUpperCase()} ${template} (${lang})`;
            if (ZOD_DEFAULT.test(error.message)) problem(`${where}: zod text in the message`, error.message);
            for (const field of error.details.fields ?? []) {
              seen.fields += 1;
              if (ZOD_DEFAULT.test(field.message)) problem(`${where} ${field.path}: zod text`, field.message);
              const path = field.path.split('.').slice(1);
              const key = path[path.length - 1] ?? '';
              if (key === 'notAField') {
                if (!field.message.includes('notAField'))
                  problem(`${where}: unknown key not named`, field.message);
                continue;
              }
              const label = findFieldLabel(path, subject);
              const name = label?.[lang === 'en' ? 'en' : 'zh'];
              if (!name) problem(`${field.path}: no name in FIELD_LABELS`, template);
              else if (!field.message.toLowerCase().includes(name.toLowerCase())) {
                problem(`${where} ${field.path}: does not name "${name}"`, field.message);
              }
            }
          }
        }
      }
    }
    expect(Object.fromEntries(found)).toEqual({});
    // The walk reached the routes: dozens of refusals, hundreds of field messages.
    expect(seen.answers).toBeGreaterThan(100);
    expect(seen.fields).toBeGreaterThan(300);
  }, 120_000);

  it('says the set-up, new-customer and new-member problems as the user would', async () => {
    const post = async (url: string, payload: Record<string, unknown>, lang: string) =>
      (
        await api.app.inject({
          method: 'POST',
          url,
          payload,
          headers: { ...api.manager, 'accept-language': lang },
        })
      ).json().error as { message: string; details: { fields: { path: string; message: string }[] } };
    const customer = await post('/api/customers', { name: '' }, 'zh-CN');
    expect(customer.details.fields).toEqual([{ path: 'body.name', message: '请填写客户名称' }]);
    expect(customer.message).toBe('填写的内容有误：请填写客户名称');
    const member = await post(
      '/api/members',
      { email: 'nobody', name: '王', password: 'short', role: 'lead' },
      'zh-CN',
    );
    expect(member.details.fields).toEqual([
      { path: 'body.email', message: '请填写有效的邮箱（例如 name@example.com）' },
      { path: 'body.password', message: '密码至少 8 个字符' },
    ]);
    const setup = await post(
      '/api/setup',
      { workspace: { name: '' }, manager: { email: 'a@b.cn', name: '李', password: '1234567' } },
      'en',
    );
    expect(setup.details.fields).toEqual([
      { path: 'body.workspace.name', message: 'Enter the workspace name' },
      { path: 'body.manager.password', message: 'Password must be at least 8 characters' },
    ]);
  });
});
