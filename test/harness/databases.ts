/**
 * Real databases for tests: a fresh SQLite file per test always, and a fresh PostgreSQL
 * schema per test when TEST_DATABASE_URL is set. Under CI the PostgreSQL run is
 * mandatory: a missing URL fails the suite instead of silently skipping half of it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { inject } from 'vitest';
import { type Database, type DatabaseTarget, openDatabase } from '../../src/db/client.js';

/** A database made for one test. */
export interface TestDatabase {
  readonly target: DatabaseTarget;
  /** Opens (another) connection to the same database, e.g. a second app instance. */
  open(): Database;
  /** Drops what the test created. */
  dispose(): Promise<void>;
}

/** One engine the database tests run on. */
export interface TestEngine {
  readonly name: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && !postgresUrl) {
  throw new Error('CI must run the database tests on PostgreSQL too: set TEST_DATABASE_URL');
}

const sqlite: TestEngine = {
  name: 'sqlite',
  async create() {
    // The file name the app uses, so CLI tests can point at the folder with --data-dir.
    const file = join(mkdtempSync(join(tmpdir(), 'closer-db-')), 'closer.sqlite');
    const target: DatabaseTarget = { kind: 'sqlite', file };
    return { target, open: () => openDatabase(target), dispose: async () => {} };
  },
};

const postgres = (url: string): TestEngine => ({
  name: 'postgres',
  async create() {
    const schema = `t_${inject('testRun')}_${uuidv7().replaceAll('-', '').slice(8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema ${schema}`);
    } finally {
      await admin.end();
    }
    const target: DatabaseTarget = { kind: 'postgres', url, schema };
    return {
      target,
      open: () => openDatabase(target),
      // Dropped by test/harness/global-setup.ts after the run: a drop during the run can
      // break another file's catalogue queries.
      async dispose() {},
    };
  },
});

/** `closer db …` options that point at a test database. */
export function databaseArgs(target: DatabaseTarget): string[] {
  if (target.kind === 'sqlite') return ['--data-dir', dirname(target.file)];
  if (!target.schema) return ['--database-url', target.url];
  const url = new URL(target.url);
  url.searchParams.set('options', `-c search_path=${target.schema}`);
  return ['--database-url', url.toString()];
}

/** The engines to run database tests on: SQLite always, PostgreSQL when configured. */
export const engines: readonly TestEngine[] = postgresUrl ? [sqlite, postgres(postgresUrl)] : [sqlite];
