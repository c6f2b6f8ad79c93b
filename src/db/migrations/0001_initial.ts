/**
 * The initial schema. Portable by construction: only text, integer and bigint columns
 * (booleans are 0/1 integers, JSON is text, dates are ISO text, money is bigint minor
 * units), so SQLite and PostgreSQL store and return the same values.
 */
import type { CreateTableBuilder, Kysely } from 'kysely';

/** Columns every mutable row has: timestamps and the optimistic-concurrency version. */
function mutable<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C | 'created_at' | 'updated_at' | 'version'> {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
}

/** Every row of a workspace carries its id, and it is the first column of its indexes. */
function scoped<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C | 'id' | 'workspace_id'> {
  return table
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'));
}

/** Creates the schema. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await mutable(
    db.schema
      .createTable('workspaces')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
      .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
      .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
      .addColumn('calendar_overrides', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('third_meeting_policy', 'text', (c) => c.notNull().defaultTo('warn')),
  ).execute();

  await mutable(
    db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('locale', 'text'),
  ).execute();

  await mutable(
    scoped(db.schema.createTable('memberships'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('duty', 'text')
      .addColumn('works_for', 'text', (c) => c.references('memberships.id').onDelete('set null'))
      .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('memberships_workspace_user', ['workspace_id', 'user_id']),
  ).execute();

  await mutable(
    scoped(db.schema.createTable('markets'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('cities', 'text', (c) => c.notNull().defaultTo('[]'))
      /** Share in hundredths of a percent (5000 = 50 %), exact and integer. */
      .addColumn('share_bp', 'integer', (c) => c.notNull())
      .addUniqueConstraint('markets_workspace_name', ['workspace_id', 'name']),
  ).execute();

  await mutable(
    scoped(db.schema.createTable('customers'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('company', 'text')
      .addColumn('market_id', 'text', (c) => c.references('markets.id').onDelete('set null'))
      .addColumn('city', 'text')
      .addColumn('class', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.references('memberships.id').onDelete('set null'))
      .addColumn('assistant_id', 'text', (c) => c.references('memberships.id').onDelete('set null'))
      .addColumn('source', 'text')
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema
    .createIndex('customers_workspace_owner')
    .on('customers')
    .columns(['workspace_id', 'owner_id'])
    .execute();
  await db.schema
    .createIndex('customers_workspace_assistant')
    .on('customers')
    .columns(['workspace_id', 'assistant_id'])
    .execute();
  await db.schema
    .createIndex('customers_workspace_name')
    .on('customers')
    .columns(['workspace_id', 'name'])
    .execute();

  await mutable(
    scoped(db.schema.createTable('contacts'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('role', 'text')
      .addColumn('kp_confirmed', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema
    .createIndex('contacts_workspace_customer')
    .on('contacts')
    .columns(['workspace_id', 'customer_id'])
    .execute();

  await mutable(
    scoped(db.schema.createTable('products'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('price_minor', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('features', 'text', (c) => c.notNull().defaultTo('[]')),
  ).execute();

  await mutable(
    scoped(db.schema.createTable('deals'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('owner_id', 'text', (c) => c.references('memberships.id').onDelete('set null'))
      .addColumn('amount_minor', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('signed_on', 'text')
      .addColumn('expected_funds_on', 'text')
      .addColumn('funds_received_minor', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema
    .createIndex('deals_workspace_signed')
    .on('deals')
    .columns(['workspace_id', 'signed_on'])
    .execute();
  await db.schema
    .createIndex('deals_workspace_customer')
    .on('deals')
    .columns(['workspace_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('deal_products')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('deal_products_pk', ['deal_id', 'product_id'])
    .execute();

  await mutable(
    scoped(db.schema.createTable('visits'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('owner_id', 'text', (c) => c.references('memberships.id').onDelete('set null'))
      .addColumn('visit_on', 'text', (c) => c.notNull())
      .addColumn('attendees', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('purpose', 'text')
      .addColumn('outcome', 'text')
      .addColumn('notes', 'text')
      .addColumn('next_step', 'text'),
  ).execute();
  await db.schema
    .createIndex('visits_workspace_customer')
    .on('visits')
    .columns(['workspace_id', 'customer_id', 'visit_on'])
    .execute();

  await mutable(
    scoped(db.schema.createTable('follow_ups'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('assignee_id', 'text', (c) => c.references('memberships.id').onDelete('set null'))
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('done_at', 'text'),
  ).execute();
  await db.schema
    .createIndex('follow_ups_workspace_due')
    .on('follow_ups')
    .columns(['workspace_id', 'done', 'due_on'])
    .execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    /** The planning engine's input as the user gave it (JSON); results are computed from it. */
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plans_workspace_year_revision', ['workspace_id', 'year', 'revision'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('actor_id', 'text')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_workspace_entity')
    .on('audit_log')
    .columns(['workspace_id', 'entity', 'entity_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    /** SHA-256 of the session token: a leaked table does not leak live sessions. */
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** "account:<email>" or "ip:<address>". */
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_key_at').on('login_attempts').columns(['key', 'at']).execute();
}

/** Drops the schema (development only; production never migrates down). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'login_attempts',
    'api_tokens',
    'sessions',
    'audit_log',
    'plans',
    'follow_ups',
    'visits',
    'deal_products',
    'deals',
    'products',
    'contacts',
    'customers',
    'markets',
    'memberships',
    'users',
    'workspaces',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
