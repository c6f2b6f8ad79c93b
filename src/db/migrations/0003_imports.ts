/**
 * Import and export: the fingerprints that make a re-import update or skip instead of
 * duplicating, and the import jobs whose status any app instance can read.
 */
import type { Kysely } from 'kysely';

/** Creates import_keys and import_jobs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_keys')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    /** customer | contact | deal | visit */
    .addColumn('entity', 'text', (c) => c.notNull())
    /** The normalised natural key of the record (see src/domain/import/keys.ts). */
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_keys_pk', ['workspace_id', 'entity', 'key'])
    .execute();

  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    /** queued | running | done | failed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    /** JSON: { mapping, rows: [{ row, action, reason? }] (first 1,000) } once done. */
    .addColumn('report', 'text')
    /** JSON: { headers, rows: [{ cells, reason }] } — the rejected rows for the error file. */
    .addColumn('errors', 'text')
    /** JSON of the AppError when the whole job failed (unreadable file, unknown columns …). */
    .addColumn('failure', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_jobs_workspace_user')
    .on('import_jobs')
    .columns(['workspace_id', 'user_id', 'created_at'])
    .execute();
}

/** Drops the tables (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_jobs').execute();
  await db.schema.dropTable('import_keys').execute();
}
