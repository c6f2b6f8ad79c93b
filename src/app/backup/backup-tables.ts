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
];

/**
 * Tables left out on purpose: sign-in sessions (short-lived; a restored database makes
 * everyone sign in again) and failed sign-in counts (throttling state, not business data).
 */
export const NOT_BACKED_UP: readonly (keyof Schema & string)[] = ['sessions', 'login_attempts'];

/**
 * The columns of every table of the current schema (on PostgreSQL only the schema in use:
 * introspection sees all of them), Kysely's own migration tables left out.
 */
export async function tableColumns(db: Kysely<Schema>): Promise<Map<string, string[]>> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const schema = postgres
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  const tables = await db.introspection.getTables();
  const result = new Map<string, string[]>();
  for (const table of tables) {
    if (postgres && table.schema !== schema) continue;
    if (table.name.startsWith('kysely_')) continue;
    result.set(
      table.name,
      table.columns.map((c) => c.name),
    );
  }
  return result;
}
