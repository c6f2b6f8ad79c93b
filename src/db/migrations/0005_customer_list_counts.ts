/**
 * The customer list shows each row's overdue follow-ups and filters on "has overdue"
 * (issue 5). Those are per-customer lookups of open follow-ups; the existing index is by
 * workspace and due date, so without this one each lookup would scan every open
 * follow-up of the workspace.
 */
import type { Kysely } from 'kysely';

/** Adds follow_ups (workspace_id, customer_id, done, due_on). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('follow_ups_workspace_customer')
    .on('follow_ups')
    .columns(['workspace_id', 'customer_id', 'done', 'due_on'])
    .execute();
}

/** Drops the index (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('follow_ups_workspace_customer').execute();
}
