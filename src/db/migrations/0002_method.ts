/**
 * The method in the product (issue 4): meeting numbers and the third-meeting policy,
 * qualification (KP / willing / able to pay) and the customer's stage history, the
 * discovery question chain and pains on visits, the objection catalog, close attempts,
 * "must ask the chairman" consultations, next-visit plans, seminars with invitations,
 * and hand-offs between assistants and leads. Same portable column types as 0001.
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';

function mutable<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C | 'created_at' | 'updated_at' | 'version'> {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
}

function scoped<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C | 'id' | 'workspace_id'> {
  return table
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'));
}

/** A customer-owned row: the customer column, deleted with the customer. */
function ofCustomer<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C | 'customer_id'> {
  return table.addColumn('customer_id', 'text', (c) =>
    c.notNull().references('customers.id').onDelete('cascade'),
  );
}

/** Creates the method's tables and columns. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Qualification: who the key person is, whether they will sign and can pay, and when
  // the money arrives. 'yes' | 'no' | 'unknown'.
  for (const [column, build] of [
    ['kp_contact_id', (c) => c.references('contacts.id').onDelete('set null')],
    ['willing_to_sign', (c) => c.notNull().defaultTo('unknown')],
    ['willing_evidence', (c) => c],
    ['able_to_pay', (c) => c.notNull().defaultTo('unknown')],
    ['able_evidence', (c) => c],
    ['expected_funds_on', (c) => c],
  ] as const satisfies readonly (readonly [string, ColumnBuild])[]) {
    await addText(db, 'customers', column, build);
  }

  // Every status change of a customer, for the forecast's win rates and cycle times and
  // for the recorded override when a customer moves to "proposal" unqualified.
  await ofCustomer(scoped(db.schema.createTable('customer_stage_changes')))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('override_reason', 'text')
    .execute();
  await db.schema
    .createIndex('customer_stage_changes_customer')
    .on('customer_stage_changes')
    .columns(['workspace_id', 'customer_id', 'changed_at'])
    .execute();

  // Visits: the meeting number with that customer (1, 2, 3 …, counted over visits that
  // are not cancelled, in date order), planned vs done, the reason written for a third
  // meeting, the discovery answers (JSON [{questionId, answer}]) with the chain version
  // they answer, and the pains found (JSON [{category, need}]).
  await db.schema
    .alterTable('visits')
    .addColumn('meeting_number', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('visits')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('done'))
    .execute();
  await addText(db, 'visits', 'third_meeting_reason', (c) => c);
  await db.schema.alterTable('visits').addColumn('discovery_version', 'integer').execute();
  await addText(db, 'visits', 'discovery_answers', (c) => c.notNull().defaultTo('[]'));
  await addText(db, 'visits', 'pains', (c) => c.notNull().defaultTo('[]'));

  // The discovery question chain: each edit is a new version (JSON list of questions);
  // a workspace without a row uses the built-in default chain (version 0).
  await db.schema
    .createTable('discovery_chains')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('discovery_chains_workspace_version', ['workspace_id', 'version'])
    .execute();

  // Objection catalog entries a workspace edited or added; the built-in entries (keys
  // strategy, tactics, team, price, think_about_it, no_money, ask_chairman) apply until
  // a row with the same key replaces them. replies: JSON [{id, zh, en}].
  await mutable(
    scoped(db.schema.createTable('objection_types'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('label_zh', 'text', (c) => c.notNull())
      .addColumn('label_en', 'text', (c) => c.notNull())
      .addColumn('replies', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('objection_types_workspace_key', ['workspace_id', 'key']),
  ).execute();

  // Close attempts: every time the salesperson asks for the signature. result: signed |
  // objection | stall; an objection or stall names its catalog key, the customer's words,
  // the scripted reply used and what happened (resolved | unresolved).
  await mutable(
    ofCustomer(scoped(db.schema.createTable('close_attempts')))
      .addColumn('visit_id', 'text', (c) => c.references('visits.id').onDelete('set null'))
      .addColumn('owner_id', 'text', (c) => c.references('memberships.id').onDelete('set null'))
      .addColumn('attempted_on', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('objection_key', 'text')
      .addColumn('customer_words', 'text')
      .addColumn('reply_id', 'text')
      .addColumn('reply_text', 'text')
      .addColumn('response', 'text')
      .addColumn('concern', 'text')
      .addColumn('funds_on', 'text')
      .addColumn('deal_id', 'text', (c) => c.references('deals.id').onDelete('set null'))
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema
    .createIndex('close_attempts_customer')
    .on('close_attempts')
    .columns(['workspace_id', 'customer_id', 'attempted_on'])
    .execute();
  await db.schema
    .createIndex('close_attempts_date')
    .on('close_attempts')
    .columns(['workspace_id', 'attempted_on'])
    .execute();

  // Follow-ups created by a stall point back at the attempt.
  await addText(db, 'follow_ups', 'close_attempt_id', (c) =>
    c.references('close_attempts.id').onDelete('set null'),
  );

  // "Must ask the chairman": the contact's answers to the four questions and the verdict
  // (key_person | champion | neither). yes/no/unsure answers are text.
  await mutable(
    ofCustomer(scoped(db.schema.createTable('chairman_consultations')))
      .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('visit_id', 'text', (c) => c.references('visits.id').onDelete('set null'))
      .addColumn('close_attempt_id', 'text', (c) => c.references('close_attempts.id').onDelete('set null'))
      .addColumn('product_view', 'text')
      .addColumn('would_choose_first', 'text', (c) => c.notNull())
      .addColumn('chairman_follows_advice', 'text', (c) => c.notNull())
      .addColumn('biggest_obstacle', 'text')
      .addColumn('verdict', 'text', (c) => c.notNull()),
  ).execute();

  // What the next visit must achieve, whom to meet and what to bring. status: open |
  // done | dropped; source: chairman | stall | visit | manual.
  await mutable(
    ofCustomer(scoped(db.schema.createTable('next_visit_plans')))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text')
      .addColumn('goal', 'text', (c) => c.notNull())
      .addColumn('meet_whom', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('bring', 'text')
      .addColumn('planned_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('visit_id', 'text', (c) => c.references('visits.id').onDelete('set null')),
  ).execute();
  await db.schema
    .createIndex('next_visit_plans_customer')
    .on('next_visit_plans')
    .columns(['workspace_id', 'customer_id', 'status'])
    .execute();

  // Seminars (会销) and their invitations. status: planned | held | cancelled;
  // rsvp: pending | yes | no; attended: 0/1.
  await mutable(
    scoped(db.schema.createTable('seminars'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('city', 'text')
      .addColumn('venue', 'text')
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema
    .createIndex('seminars_workspace_held')
    .on('seminars')
    .columns(['workspace_id', 'held_on'])
    .execute();
  await mutable(
    ofCustomer(scoped(db.schema.createTable('seminar_invitations')))
      .addColumn('seminar_id', 'text', (c) => c.notNull().references('seminars.id').onDelete('cascade'))
      .addColumn('invited_by', 'text', (c) => c.references('memberships.id').onDelete('set null'))
      .addColumn('rsvp', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('attended', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('seminar_invitations_seminar_customer', ['seminar_id', 'customer_id']),
  ).execute();
  await db.schema
    .createIndex('seminar_invitations_customer')
    .on('seminar_invitations')
    .columns(['workspace_id', 'customer_id'])
    .execute();

  // Hand-offs: a qualified prospect from the prospecting assistant to the lead, a won
  // customer to after-sales. kind: to_lead | to_after_sales.
  await ofCustomer(scoped(db.schema.createTable('handoffs')))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_id', 'text', (c) => c.references('memberships.id').onDelete('set null'))
    .addColumn('to_id', 'text', (c) => c.references('memberships.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('handoffs_customer')
    .on('handoffs')
    .columns(['workspace_id', 'customer_id', 'at'])
    .execute();
}

type ColumnBuild = (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/** Adds one text column (SQLite takes one ADD COLUMN per ALTER TABLE). */
async function addText(
  db: Kysely<unknown>,
  table: string,
  column: string,
  build: ColumnBuild,
): Promise<void> {
  await db.schema.alterTable(table).addColumn(column, 'text', build).execute();
}

/** Drops what `up` created (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'handoffs',
    'seminar_invitations',
    'seminars',
    'next_visit_plans',
    'chairman_consultations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('follow_ups').dropColumn('close_attempt_id').execute();
  for (const table of ['close_attempts', 'objection_types', 'discovery_chains', 'customer_stage_changes']) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of [
    'meeting_number',
    'status',
    'third_meeting_reason',
    'discovery_version',
    'discovery_answers',
    'pains',
  ]) {
    await db.schema.alterTable('visits').dropColumn(column).execute();
  }
  for (const column of [
    'kp_contact_id',
    'willing_to_sign',
    'willing_evidence',
    'able_to_pay',
    'able_evidence',
    'expected_funds_on',
  ]) {
    await db.schema.alterTable('customers').dropColumn(column).execute();
  }
}
