/**
 * The import benchmark: a generated 100,000-row customer CSV (GBK-free UTF-8 with BOM, the
 * shape a CRM export has: name, city, class, status, owner email, source, tags, notes)
 * imported into a fresh SQLite file and, when TEST_DATABASE_URL or DATABASE_URL is set, a
 * fresh PostgreSQL schema. Reports the median time of the rounds and the peak RSS and heap
 * sampled while importing (the file is streamed, so neither grows with the row count).
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../src/app/context.js';
import { importRecords } from '../src/app/import/import-records.js';
import { type DatabaseTarget, openDatabase } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Schema } from '../src/db/schema.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3);
const CITIES = ['杭州', '萧山', '富阳', '桐庐', '临安', '宁波', '绍兴'];
const CLASSES = ['A', 'B', 'C', '新客户'];
const STATUSES = ['线索', '已联系', '合格', '方案', '成交'];

/** Writes the CSV file (streamed, so the generator does not hold it either). */
async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('\ufeff客户名称,城市,客户级别,客户状态,负责人,来源,标签,备注\r\n');
  for (let i = 1; i <= ROWS; i++) {
    await write(
      `杭州客户${String(i).padStart(6, '0')}有限公司,${CITIES[i % CITIES.length]},${CLASSES[i % CLASSES.length]},` +
        `${STATUSES[i % STATUSES.length]},bench-lead@example.test,展会,"重点,${2020 + (i % 6)}",第 ${i} 行导入\r\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}

/** A workspace with a manager and a lead (the owner named in the file); returns the manager. */
export async function seed(db: Kysely<Schema>): Promise<Principal> {
  const stamp = new Date().toISOString();
  const workspaceId = uuidv7();
  await db
    .insertInto('workspaces')
    .values({ id: workspaceId, name: 'bench', created_at: stamp, updated_at: stamp })
    .execute();
  let manager: Principal | null = null;
  for (const [email, role] of [
    ['bench-manager@example.test', 'manager'],
    ['bench-lead@example.test', 'lead'],
  ] as const) {
    const userId = uuidv7();
    const membershipId = uuidv7();
    await db
      .insertInto('users')
      .values({
        id: userId,
        email,
        name: role,
        password_hash: 'x',
        locale: null,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    await db
      .insertInto('memberships')
      .values({
        id: membershipId,
        workspace_id: workspaceId,
        user_id: userId,
        role,
        duty: null,
        works_for: null,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    if (role === 'manager')
      manager = { userId, workspaceId, membershipId, role, worksFor: null, via: 'token' };
  }
  if (!manager) throw new Error('no manager');
  return manager;
}

/** The median of some timings. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** One import into a fresh database; returns ms and the sampled peaks. */
async function importOnce(target: DatabaseTarget, file: string) {
  const database = openDatabase<Schema>(target);
  try {
    const db = database.db as Kysely<Schema>;
    await migrateToLatest(db as Kysely<unknown>);
    const principal = await seed(db);
    (globalThis as { gc?: () => void }).gc?.();
    let peakRss = process.memoryUsage().rss;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    const start = performance.now();
    const report = await importRecords(
      { db, clock: () => new Date(), newId: uuidv7 },
      principal,
      createReadStream(file),
      {
        type: 'customers',
        format: 'csv',
      },
    );
    const ms = performance.now() - start;
    clearInterval(sampler);
    if (report.counts.created !== ROWS) throw new Error(`imported ${report.counts.created} of ${ROWS} rows`);
    return { ms, peakRss, peakHeap };
  } finally {
    await database.close();
  }
}

/** A fresh database per round and how to drop it. */
export interface BenchEngine {
  readonly name: string;
  readonly target: () => Promise<{ target: DatabaseTarget; drop: () => Promise<void> }>;
}

/** SQLite in a temporary folder, and PostgreSQL in a fresh schema when TEST_DATABASE_URL or DATABASE_URL is set. */
export function benchEngines(): BenchEngine[] {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const engines: BenchEngine[] = [
    {
      name: 'SQLite',
      target: async () => {
        const sqliteDir = mkdtempSync(join(tmpdir(), 'closer-bench-db-'));
        return {
          target: { kind: 'sqlite', file: join(sqliteDir, 'closer.sqlite') },
          drop: () => rm(sqliteDir, { recursive: true, force: true }),
        };
      },
    },
  ];
  if (url) {
    engines.push({
      name: 'PostgreSQL',
      target: async () => {
        const schema = `bench_${uuidv7().replaceAll('-', '').slice(8)}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`create schema ${schema}`);
        await admin.end();
        return {
          target: { kind: 'postgres', url, schema },
          drop: async () => {
            const c = new pg.Client({ connectionString: url });
            await c.connect();
            await c.query(`drop schema ${schema} cascade`);
            await c.end();
          },
        };
      },
    });
  }
  return engines;
}

/** Runs the import benchmark and prints a Markdown table. */
export async function benchImport(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'closer-bench-import-'));
  const file = join(dir, 'customers.csv');
  await writeCsv(file);
  const engines = benchEngines();
  console.log(
    `\nImport of a ${ROWS.toLocaleString('en')}-row customer CSV (streamed, batches of 500 rows per transaction)\n`,
  );
  console.log('| database | rounds | median s | min s | max s | rows/s | peak RSS MB | peak heap MB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const engine of engines) {
    const runs: { ms: number; peakRss: number; peakHeap: number }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const { target, drop } = await engine.target();
      try {
        runs.push(await importOnce(target, file));
      } finally {
        await drop();
      }
    }
    const times = runs.map((r) => r.ms);
    const med = median(times);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    console.log(
      `| ${engine.name} | ${ROUNDS} | ${(med / 1000).toFixed(1)} | ${(Math.min(...times) / 1000).toFixed(1)} | ${(Math.max(...times) / 1000).toFixed(1)} | ${Math.round(ROWS / (med / 1000)).toLocaleString('en')} | ${mb(Math.max(...runs.map((r) => r.peakRss)))} | ${mb(Math.max(...runs.map((r) => r.peakHeap)))} |`,
    );
  }
  await rm(dir, { recursive: true, force: true });
}
