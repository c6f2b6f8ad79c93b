/**
 * Every code a person can see has words in both languages. The enums are read from the
 * API's own schemas (its OpenAPI document, generated from the zod schemas the web app, the
 * CLI and the exports share), so a new enum value without a label fails here instead of
 * reaching a salesperson as `after_sales` or `won`.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../src/app/demo/seed-demo.js';
import { CUSTOMER_CLASSES, CUSTOMER_STATUSES, customerView } from '../src/contract/customers.js';
import type { Database } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Schema } from '../src/db/schema.js';
import { LABELS, labelOf } from '../src/domain/labels.js';
import { DEFAULT_DISCOVERY_CHAIN } from '../src/domain/method/discovery.js';
import { closeAttemptEffects } from '../src/domain/method/objections.js';
import { testDeps } from './factories.js';
import { withFileApi } from './harness/api.js';
import { engines } from './harness/databases.js';

/**
 * Enums of the API that no screen, CLI table or export shows as a word: parameters a
 * program chooses (formats, levels, sort keys), codes only programs read, and words the
 * UI names through its own headings. Each is named with the reason.
 */
const NOT_SHOWN: Record<string, string> = {
  database: 'the health check, for operators',
  via: 'how a request was signed in, for programs',
  format: 'file format of an import or export (csv / xlsx), chosen by the caller',
  lang: 'the language parameter itself',
  locale: 'the language of a workspace, shown by its own name (中文 / English)',
  dryRun: 'a flag of the import endpoint',
  type: 'the import type, shown as the list it imports into (customers, contacts …)',
  level: 'progress level, a parameter; the dashboard names its tabs',
  dimension: 'progress breakdown, a parameter; the dashboard names its tabs',
  groupBy: 'statistics grouping, a parameter; the dashboard names its tabs',
  scope: 'workspace or team view, shown by the page heading',
  order: 'sort direction, a parameter',
  sort: 'sort key, a parameter',
  code: 'a reason code; its zh and en words are sent beside it',
  spreadOver: 'a plan setting, labelled by the plan form',
  classMode: 'a plan setting, labelled by the plan form',
  mode: 'a plan setting, labelled by the plan form',
  list: 'the export list, part of the URL',
  action: 'an import row action, shown in the import report by its count headings',
  overdue: 'a true / false filter of a list',
};

type Node = Record<string, unknown>;

/** Every `{ property, values }` enum in a JSON-schema document. */
function enumsOf(node: unknown, property: string, out: { property: string; values: string[] }[]): void {
  if (Array.isArray(node)) {
    for (const item of node) enumsOf(item, property, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const n = node as Node;
  if (Array.isArray(n.enum) && n.enum.every((v) => typeof v === 'string')) {
    out.push({ property, values: n.enum as string[] });
  }
  for (const [key, value] of Object.entries(n)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, schema] of Object.entries(value as Node)) enumsOf(schema, name, out);
    } else if (key === 'parameters' && Array.isArray(value)) {
      for (const p of value as Node[]) enumsOf(p.schema, String(p.name), out);
    } else {
      enumsOf(value, property, out);
    }
  }
}

const sets = Object.entries(LABELS) as [string, Record<string, { zh: string; en: string }>][];

describe('label catalog', () => {
  it('has a non-empty, distinct word in each language for every value', () => {
    for (const [name, set] of sets) {
      for (const [value, label] of Object.entries(set)) {
        expect(label.zh.trim(), `${name}.${value}`).not.toBe('');
        expect(label.en.trim(), `${name}.${value}`).not.toBe('');
        // A zh label is Chinese (a code copied across would be ASCII only).
        expect(label.zh, `${name}.${value}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('labels the customer classes and statuses of the schema', () => {
    const shape = customerView.shape;
    for (const value of shape.class.options) expect(labelOf('customerClass', value, 'zh')).not.toBe(value);
    for (const value of shape.status.options) expect(labelOf('customerStatus', value, 'en')).not.toBe(value);
    expect(Object.keys(LABELS.customerClass).sort()).toEqual([...CUSTOMER_CLASSES].sort());
    expect(Object.keys(LABELS.customerStatus).sort()).toEqual([...CUSTOMER_STATUSES].sort());
  });

  it('labels the follow-up kinds stalls create', () => {
    const effects = [
      closeAttemptEffects(
        { result: 'stall', objectionKey: 'no_money', fundsOn: '2026-03-09', attemptedOn: '2026-03-02' },
        'zh',
      ),
      closeAttemptEffects(
        { result: 'stall', objectionKey: 'think_about_it', concern: '价格', attemptedOn: '2026-03-02' },
        'zh',
      ),
      closeAttemptEffects({ result: 'stall', objectionKey: 'ask_chairman', attemptedOn: '2026-03-02' }, 'zh'),
    ];
    const kinds = effects.flatMap((e) => e.followUps.map((f) => f.kind));
    expect(new Set(kinds)).toEqual(new Set(['funds', 'concern', 'next_visit']));
    for (const kind of kinds) expect(LABELS.followUpKind).toHaveProperty(kind);
  });
});

describe('discovery hints', () => {
  it('say each hint in one language: Chinese in hint, English in hintEn', () => {
    for (const q of DEFAULT_DISCOVERY_CHAIN.questions) {
      expect(q.hint, q.id).toMatch(/[\u4e00-\u9fff]/);
      expect(q.hint, q.id).not.toMatch(/[A-Za-z]{2,}/);
      expect(q.hintEn, q.id).toMatch(/[A-Za-z]{2,}/);
      expect(q.hintEn, q.id).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe.each(engines)('labels of the API on $name', (engine) => {
  const api = withFileApi(engine);

  it('has words for every enum value of every schema the API shares with the app, CLI and exports', async () => {
    const doc = (await api.app.inject({ url: '/api/openapi.json', headers: api.manager })).json();
    const found: { property: string; values: string[] }[] = [];
    enumsOf(doc, '', found);
    expect(found.length).toBeGreaterThan(30);
    const unlabelled = new Set<string>();
    for (const { property, values } of found) {
      // The health check's `status: ok` is for load balancers.
      if (property in NOT_SHOWN || (property === 'status' && values.join() === 'ok')) continue;
      const covered = sets.some(([, set]) => values.every((v) => v in set));
      if (!covered) unlabelled.add(`${property}: ${values.join(', ')}`);
    }
    expect([...unlabelled]).toEqual([]);
  });
});

describe.each(engines)('labels of the demo on $name', (engine) => {
  it('has words for every follow-up kind the demo workspace holds', async () => {
    const database = await engine.create();
    const open = database.open() as Database<Schema>;
    try {
      await migrateToLatest(open.db as Kysely<unknown>);
      await seedDemo(testDeps(open.db));
      const kinds = await open.db.selectFrom('follow_ups').select('kind').distinct().execute();
      expect(kinds.length).toBeGreaterThan(0);
      for (const { kind } of kinds) expect(LABELS.followUpKind, kind).toHaveProperty(kind);
    } finally {
      await open.close();
      await database.dispose();
    }
  }, 120_000);
});
