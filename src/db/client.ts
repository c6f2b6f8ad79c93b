/**
 * Opens the database: an embedded SQLite file (better-sqlite3) by default, PostgreSQL (pg)
 * when a URL is configured. Both behind one Kysely instance with the same schema.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../domain/errors.js';
import { CloserSqliteDialect } from './sqlite-dialect.js';

/** Which engine a database runs on. */
export type DialectName = 'sqlite' | 'postgres';

/** Where the database is. */
export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

/** An open database. */
export interface Database<Schema = unknown> {
  readonly db: Kysely<Schema>;
  readonly dialect: DialectName;
  /** Closes every connection; waits for running queries. */
  close(): Promise<void>;
}

// PostgreSQL returns int8 (bigint) as text to protect precision. Our bigints are money in
// minor units, capped far below 2^53, so numbers are exact; parse them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * Opens `target`. SQLite: creates the folder, WAL mode, foreign keys on, a busy timeout so
 * a second process waits instead of failing, immediate transactions (see sqlite-dialect). PostgreSQL: a pool; with `schema`, every
 * connection uses that schema (tests give each test its own).
 */
export function openDatabase<Schema = unknown>(target: DatabaseTarget): Database<Schema> {
  if (target.kind === 'sqlite') {
    try {
      if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
      const sqlite = new SQLite(target.file);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('synchronous = NORMAL');
      const db = new Kysely<Schema>({ dialect: new CloserSqliteDialect(sqlite) });
      return { db, dialect: 'sqlite', close: () => db.destroy() };
    } catch (error) {
      throw new AppError('DB.UNAVAILABLE', { reason: `${target.file}: ${(error as Error).message}` });
    }
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
