/**
 * Calendar feeds (issue 5): one secret ICS subscription URL per row. Only the SHA-256 of
 * the token is stored (like API tokens), so a leaked table or backup does not leak feeds;
 * revoking sets revoked_at and the URL answers 404 from then on.
 */
import type { Kysely } from 'kysely';

/** Creates calendar_feeds. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    /** 0/1: the feed also offers China's holidays and make-up working days. */
    .addColumn('include_holidays', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('calendar_feeds_user')
    .on('calendar_feeds')
    .columns(['workspace_id', 'user_id'])
    .execute();
}

/** Drops calendar_feeds (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
}
