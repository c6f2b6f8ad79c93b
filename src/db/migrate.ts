/**
 * Applies and reports the migration set. On PostgreSQL, Kysely's migrator holds a
 * session-level advisory lock (pg_advisory_lock) while it migrates, so several app
 * instances starting together migrate once and the others wait; on SQLite the migration
 * runs in one `BEGIN IMMEDIATE` transaction, whose write lock serialises them the same way.
 * On both, a failed migration is rolled back whole.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import {
  type MigrationInfo,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
} from 'kysely/migration';
import { AppError } from '../domain/errors.js';
import { MIGRATIONS } from './migrations/index.js';

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * A migrator for the schema in use. On PostgreSQL the migration tables are named with the
 * current schema: introspection sees every schema of the database, and tests and some
 * deployments keep several Closer schemas in one database.
 */
async function migrator(db: Kysely<unknown>): Promise<Migrator> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return new Migrator({ db, provider });
  const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]
    ?.schema;
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

/** One migration's state. */
export interface MigrationState {
  readonly name: string;
  readonly executedAt: string | null;
}

/** The schema's state: applied and pending migrations, and unknown (newer) ones. */
export interface SchemaStatus {
  readonly migrations: readonly MigrationState[];
  readonly pending: readonly string[];
  /** Migrations recorded in the database that this version of Closer does not know. */
  readonly unknown: readonly string[];
}

/**
 * Brings the schema to the latest migration. Throws DB.NEWER_SCHEMA if the database has
 * migrations this version does not know (never run an old binary on a newer database).
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<readonly string[]> {
  const status = await schemaStatus(db);
  if (status.unknown.length > 0) throw new AppError('DB.NEWER_SCHEMA', { migrations: status.unknown });
  const result = await (await migrator(db)).migrateToLatest();
  throwIfFailed(result);
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Reads which migrations ran and which are pending. */
export async function schemaStatus(db: Kysely<unknown>): Promise<SchemaStatus> {
  const infos: readonly MigrationInfo[] = await (await migrator(db)).getMigrations();
  const known = new Set(Object.keys(MIGRATIONS));
  const applied = await appliedMigrationNames(db, infos);
  return {
    migrations: infos.map((m) => ({
      name: m.name,
      executedAt: m.executedAt ? m.executedAt.toISOString() : null,
    })),
    pending: infos.filter((m) => !m.executedAt).map((m) => m.name),
    unknown: applied.filter((name) => !known.has(name)),
  };
}

async function appliedMigrationNames(
  db: Kysely<unknown>,
  infos: readonly MigrationInfo[],
): Promise<string[]> {
  // Kysely reports only migrations it knows; read the table for ones it does not.
  if (!infos.some((m) => m.executedAt) && !(await hasMigrationTable(db))) return [];
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const rows = await sql<{
    name: string;
  }>`select name from ${sql.table(postgres ? `${await currentSchema(db)}.kysely_migration` : 'kysely_migration')}`.execute(
    db,
  );
  return rows.rows.map((r) => r.name);
}

async function currentSchema(db: Kysely<unknown>): Promise<string> {
  return (
    (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema ?? 'public'
  );
}

async function hasMigrationTable(db: Kysely<unknown>): Promise<boolean> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  const schema = db.getExecutor().adapter instanceof PostgresAdapter ? await currentSchema(db) : undefined;
  return tables.some((t) => t.name === 'kysely_migration' && t.schema === schema);
}

function throwIfFailed(result: MigrationResultSet): void {
  if (!result.error) return;
  const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
  const reason = result.error instanceof Error ? result.error.message : String(result.error);
  throw new AppError('INTERNAL', { reason: `migration ${failed} failed: ${reason}` });
}
