/**
 * The customer list (issue 5): it shows each row's overdue follow-ups and filters on "has
 * overdue" — per-customer lookups of open follow-ups; the existing index is by workspace
 * and due date, so without this one each lookup would scan every open follow-up of the
 * workspace. And its default order, newest first, sorted every customer of the workspace
 * to return one page (bench/customer-list.ts measures both).
 */
import type { Kysely } from 'kysely';

/** Adds follow_ups (workspace_id, customer_id, done, due_on) and customers (workspace_id, created_at, id). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('follow_ups_workspace_customer')
    .on('follow_ups')
    .columns(['workspace_id', 'customer_id', 'done', 'due_on'])
    .execute();
  await db.schema
    .createIndex('customers_workspace_created')
    .on('customers')
    .columns(['workspace_id', 'created_at', 'id'])
    .execute();
}

/** Drops the indexes (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('customers_workspace_created').execute();
  await db.schema.dropIndex('follow_ups_workspace_customer').execute();
}
