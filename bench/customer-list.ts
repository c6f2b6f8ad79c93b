/**
 * The customer-list benchmark: one page of the list as the web app asks for it, over a
 * workspace of 20,000 customers with 30,000 visits and 20,000 follow-ups. Each row of the
 * list carries its meeting count and overdue follow-ups (two grouped queries over the
 * page's ids); the report compares the page with the bare customer query (ratio = what
 * the counts cost) and times the "only overdue" and "met twice or more" filters and a search.
 */
import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { visibleCustomers } from '../src/app/access.js';
import type { Deps, Principal } from '../src/app/context.js';
import { newCustomerValues } from '../src/app/customers/customer-store.js';
import { listCustomers } from '../src/app/customers/list-customers.js';
import { openDatabase } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Schema } from '../src/db/schema.js';
import { benchEngines, median, seed } from './import.js';

const CUSTOMERS = Number(process.env.BENCH_LIST_CUSTOMERS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_LIST_ROUNDS ?? 40);
const PAGE = 50;
/** A page should feel instant: the aim of one list request's database work. */
const AIM_MS = 50;
const NOW = new Date('2026-11-27T02:00:00.000Z');
const CLASSES = ['A', 'B', 'C', 'new'] as const;
const STATUSES = ['lead', 'contacted', 'qualified', 'proposal', 'won'] as const;

/** The date `days` from 2026-11-27. */
function day(days: number): string {
  return new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Customers, 0–3 visits each (numbered 1…n) and one follow-up each, a third of them done. */
async function fill(db: Kysely<Schema>, principal: Principal): Promise<void> {
  const stamp = NOW.toISOString();
  const ws = principal.workspaceId;
  for (let start = 0; start < CUSTOMERS; start += 500) {
    const customers = [];
    const visits = [];
    const followUps = [];
    for (let i = start; i < Math.min(start + 500, CUSTOMERS); i++) {
      const id = uuidv7();
      customers.push({
        ...newCustomerValues(principal, {
          name: `杭州客户${String(i).padStart(6, '0')}`,
          city: '杭州',
          class: CLASSES[i % 4] ?? 'new',
          status: STATUSES[i % 5] ?? 'lead',
        }),
        id,
        workspace_id: ws,
        created_at: stamp,
        updated_at: stamp,
      });
      for (let n = 1; n <= i % 4; n++) {
        visits.push({
          id: uuidv7(),
          workspace_id: ws,
          customer_id: id,
          owner_id: principal.membershipId,
          visit_on: day(-30 * n),
          purpose: null,
          outcome: null,
          notes: null,
          next_step: null,
          meeting_number: n,
          third_meeting_reason: null,
          discovery_version: null,
          created_at: stamp,
          updated_at: stamp,
        });
      }
      followUps.push({
        id: uuidv7(),
        workspace_id: ws,
        customer_id: id,
        assignee_id: principal.membershipId,
        due_on: day((i % 61) - 30),
        kind: 'call',
        notes: null,
        done: i % 3 === 0 ? 1 : 0,
        done_at: null,
        close_attempt_id: null,
        created_at: stamp,
        updated_at: stamp,
      });
    }
    await db.insertInto('customers').values(customers).execute();
    if (visits.length > 0) await db.insertInto('visits').values(visits).execute();
    await db.insertInto('follow_ups').values(followUps).execute();
  }
}

/** Median and extremes of `rounds` timed calls after a few warm-up calls. */
async function time(run: () => Promise<unknown>): Promise<{ med: number; min: number; max: number }> {
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return { med: median(times), min: Math.min(...times), max: Math.max(...times) };
}

/** Runs the list benchmark on each engine and prints a Markdown table. */
export async function benchCustomerList(): Promise<void> {
  console.log(
    `\nCustomer list: one page of ${PAGE} over ${CUSTOMERS.toLocaleString('en')} customers ` +
      `(${((CUSTOMERS * 3) / 2).toLocaleString('en')} visits, ${CUSTOMERS.toLocaleString('en')} follow-ups)\n`,
  );
  console.log(
    '| database | case | rounds | median ms | min ms | max ms | aim ms | median / aim | vs bare page |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const engine of benchEngines()) {
    const { target, drop } = await engine.target();
    const database = openDatabase<Schema>(target);
    try {
      const db = database.db as Kysely<Schema>;
      await migrateToLatest(db as Kysely<unknown>);
      const principal = await seed(db);
      await fill(db, principal);
      // Fresh planner statistics, as PostgreSQL's autovacuum gathers after a bulk load.
      await sql`analyze`.execute(db);
      const deps: Deps = { db, clock: () => NOW, newId: uuidv7 };
      const bare = await time(() =>
        visibleCustomers(db, principal)
          .selectAll('customers')
          .orderBy('customers.created_at', 'desc')
          .orderBy('customers.id', 'desc')
          .limit(PAGE + 1)
          .execute(),
      );
      const cases: [string, Record<string, unknown>][] = [
        ['first page with meetings and overdue counts', { sort: 'createdAt', order: 'desc', limit: PAGE }],
        ['only customers with overdue follow-ups', { overdue: true, limit: PAGE }],
        ['only customers met twice or more', { minMeetings: 2, limit: PAGE }],
        // A quarter of the customers: the filter reads further down the order for a page.
        ['only customers met three times or more', { minMeetings: 3, limit: PAGE }],
        ['search "客户0199"', { q: '客户0199', limit: PAGE }],
      ];
      const row = (name: string, t: { med: number; min: number; max: number }, ratio: string) =>
        console.log(
          `| ${engine.name} | ${name} | ${ROUNDS} | ${t.med.toFixed(2)} | ${t.min.toFixed(2)} | ${t.max.toFixed(2)} | ${AIM_MS} | ${(t.med / AIM_MS).toFixed(2)} | ${ratio} |`,
        );
      row('bare customer query (no counts)', bare, '1.00');
      for (const [name, query] of cases) {
        const page = await listCustomers(deps, principal, query);
        if (page.items.length === 0) throw new Error(`${name}: empty page`);
        const t = await time(() => listCustomers(deps, principal, query));
        row(name, t, (t.med / bare.med).toFixed(2));
      }
    } finally {
      await database.close();
      await drop();
    }
  }
}
