/**
 * Which tables a backup holds, in the order a restore inserts them (parents before
 * children). `backup.db.test.ts` compares this list with the database's real tables, so a
 * table added by a later migration fails the test until it is listed here.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Schema } from '../../db/schema.js';

/** One table of a backup. */
export interface BackupTable {
  readonly name: keyof Schema & string;
  /** Primary key columns: the order rows are read and written in. */
  readonly key: readonly string[];
  /**
   * Columns that point at a row inserted later (a self-reference, or a cycle such as
   * customers.kp_contact_id → contacts → customers). A restore inserts them as null and
   * sets them once every table is in, because PostgreSQL's foreign keys are not deferrable.
   */
  readonly deferred?: readonly string[];
}

const byId = ['id'] as const;

/** Every backed-up table, parents first. */
export const BACKUP_TABLES: readonly BackupTable[] = [
  { name: 'workspaces', key: byId },
  { name: 'users', key: byId },
  { name: 'memberships', key: byId, deferred: ['works_for'] },
  { name: 'markets', key: byId },
  { name: 'customers', key: byId, deferred: ['kp_contact_id'] },
  { name: 'contacts', key: byId },
  { name: 'products', key: byId },
  { name: 'deals', key: byId },
  { name: 'deal_products', key: ['deal_id', 'product_id'] },
  { name: 'visits', key: byId },
  { name: 'close_attempts', key: byId },
  { name: 'follow_ups', key: byId },
  { name: 'customer_stage_changes', key: byId },
  { name: 'discovery_chains', key: byId },
  { name: 'objection_types', key: byId },
  { name: 'chairman_consultations', key: byId },
  { name: 'next_visit_plans', key: byId },
  { name: 'seminars', key: byId },
  { name: 'seminar_invitations', key: byId },
  { name: 'handoffs', key: byId },
  { name: 'plans', key: byId },
  { name: 'audit_log', key: byId },
  { name: 'api_tokens', key: byId },
  { name: 'calendar_feeds', key: byId },
  // Import fingerprints keep a re-import after a restore from duplicating records.
  { name: 'import_keys', key: ['workspace_id', 'entity', 'key'] },
  { name: 'import_jobs', key: byId },
];

/**
 * Tables left out on purpose: sign-in sessions (short-lived; a restored database makes
 * everyone sign in again) and failed sign-in counts (throttling state, not business data).
 */
export const NOT_BACKED_UP: readonly (keyof Schema & string)[] = ['sessions', 'login_attempts'];

/**
 * The columns of every table of the current schema, Kysely's own migration tables left
 * out. On PostgreSQL the catalogue is asked for the schema in use only: Kysely's
 * introspection reads every schema of the database, which is slow where many live side
 * by side (tests, several deployments in one database).
 */
export async function tableColumns(db: Kysely<Schema>): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const rows = await sql<{ table: string; column: string }>`
      select c.relname as "table", a.attname as "column"
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      join pg_catalog.pg_attribute a on a.attrelid = c.oid
      where n.nspname = current_schema() and c.relkind in ('r', 'p')
        and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`.execute(db);
    for (const { table, column } of rows.rows) {
      if (table.startsWith('kysely_')) continue;
      result.set(table, [...(result.get(table) ?? []), column]);
    }
    return result;
  }
  for (const table of await db.introspection.getTables()) {
    if (table.name.startsWith('kysely_')) continue;
    result.set(
      table.name,
      table.columns.map((c) => c.name),
    );
  }
  return result;
}
