/**
 * Use cases for the database itself: bring the schema up to date, and report its state.
 * Connection problems become DB.UNAVAILABLE with the driver's reason, not a stack trace.
 */
import type { Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrateToLatest, type SchemaStatus, schemaStatus } from '../db/migrate.js';
import { AppError } from '../domain/errors.js';

/** Where the database is, in words for the user (never the password). */
export function describeDatabase(config: Config): string {
  if (config.database.kind === 'sqlite') return `SQLite ${config.database.file}`;
  const url = new URL(config.database.url);
  return `PostgreSQL ${url.host}${url.pathname}`;
}

/**
 * Runs `work` on `config`'s database and closes it; connection failures (refused, unknown
 * host, wrong password, unopenable file) become DB.UNAVAILABLE.
 */
export async function withDatabase<T>(
  config: Config,
  work: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>,
): Promise<T> {
  const database = openDatabase(config.database);
  try {
    return await work(database.db);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    // Connection-level failures (refused, unknown host, auth) are the user's to fix.
    if (
      code &&
      /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|28P01|28000|3D000|SQLITE_CANTOPEN|SQLITE_BUSY)$/.test(
        code,
      )
    ) {
      throw new AppError('DB.UNAVAILABLE', {
        reason: `${describeDatabase(config)}: ${(error as Error).message}`,
      });
    }
    throw error;
  } finally {
    await database.close();
  }
}

/** Applies pending migrations; returns the names applied (empty when up to date). */
export function migrateDatabase(config: Config): Promise<readonly string[]> {
  return withDatabase(config, (db) => migrateToLatest(db));
}

/** Reports applied, pending and unknown migrations. */
export function databaseStatus(config: Config): Promise<SchemaStatus> {
  return withDatabase(config, (db) => schemaStatus(db));
}
