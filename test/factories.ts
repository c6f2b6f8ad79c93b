/**
 * Test data: a workspace with a realistic team (a manager, two leads, an assistant for
 * each lead) and a second, foreign workspace — inserted directly so tests of one use case
 * do not depend on the others. Returns the principals to act as. Also single rows put in
 * (insertRow) or read back as stored (storedRow) directly.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Deps, Principal } from '../src/app/context.js';
import type { Role, Schema } from '../src/db/schema.js';

/** A fixed clock that tests can move. */
export function testClock(start = '2026-03-02T02:00:00.000Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Deps over a migrated database with a test clock and real UUIDv7s. */
export function testDeps(db: Kysely<Schema>, clock = testClock()): Deps {
  return { db, clock: clock.now, newId: uuidv7 };
}

const STAMP = '2026-01-01T00:00:00.000Z';

async function addMember(
  db: Kysely<Schema>,
  workspaceId: string,
  name: string,
  role: Role,
  worksFor: string | null = null,
): Promise<Principal> {
  const userId = uuidv7();
  const membershipId = uuidv7();
  await db
    .insertInto('users')
    .values({
      id: userId,
      email: `${userId}@example.test`,
      name,
      password_hash: 'x',
      locale: null,
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  await db
    .insertInto('memberships')
    .values({
      id: membershipId,
      workspace_id: workspaceId,
      user_id: userId,
      role,
      duty: role === 'assistant' ? 'prospecting' : null,
      works_for: worksFor,
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  return { userId, workspaceId, membershipId, role, worksFor, via: 'session' };
}

/** The team of one workspace. */
export interface Team {
  readonly workspaceId: string;
  readonly marketId: string;
  readonly manager: Principal;
  readonly lead: Principal;
  readonly assistant: Principal;
  readonly otherLead: Principal;
  readonly otherAssistant: Principal;
}

/** Creates a workspace with a market and a team. */
export async function seedTeam(db: Kysely<Schema>, name = '杭州区域'): Promise<Team> {
  const workspaceId = uuidv7();
  await db
    .insertInto('workspaces')
    .values({ id: workspaceId, name, created_at: STAMP, updated_at: STAMP })
    .execute();
  const marketId = uuidv7();
  await db
    .insertInto('markets')
    .values({
      id: marketId,
      workspace_id: workspaceId,
      name: '杭州主城+萧山',
      share_bp: 5000,
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  const manager = await addMember(db, workspaceId, '经理', 'manager');
  const lead = await addMember(db, workspaceId, '王磊', 'lead');
  const assistant = await addMember(db, workspaceId, '李娜', 'assistant', lead.membershipId);
  const otherLead = await addMember(db, workspaceId, '赵强', 'lead');
  const otherAssistant = await addMember(db, workspaceId, '孙丽', 'assistant', otherLead.membershipId);
  return { workspaceId, marketId, manager, lead, assistant, otherLead, otherAssistant };
}

/**
 * A workspace of its own (named `name`) with one member of `role` and no market: the
 * "another workspace" of tests that set their own up through initWorkspace.
 */
export async function seedLoneMember(db: Kysely<Schema>, role: Role, name = 'B'): Promise<Principal> {
  const workspaceId = uuidv7();
  await db
    .insertInto('workspaces')
    .values({ id: workspaceId, name, created_at: STAMP, updated_at: STAMP })
    .execute();
  return addMember(db, workspaceId, name, role);
}

/** The tables whose rows belong to a workspace and carry both stamps. */
export type StampedTable = {
  [T in keyof Schema]: Schema[T] extends { workspace_id: unknown; created_at: unknown; updated_at: unknown }
    ? T
    : never;
}[keyof Schema];

/**
 * The columns of a {@link StampedTable} row a test gives: the id, the workspace and the
 * stamps are optional (a new id, the given workspace and the fixed stamps otherwise).
 */
export type RowValues<T extends StampedTable> = Omit<
  Insertable<Schema[T]>,
  'id' | 'workspace_id' | 'created_at' | 'updated_at'
> & {
  readonly id?: string;
  readonly workspace_id?: string;
  readonly created_at?: string;
  readonly updated_at?: string;
};

/**
 * Inserts one row of `table` into workspace `workspaceId` with the fixed test stamps and a
 * new id, unless `values` gives them, for tests that set up data directly; returns the id.
 */
export async function insertRow<T extends StampedTable>(
  db: Kysely<Schema>,
  table: T,
  workspaceId: string,
  values: RowValues<T>,
): Promise<string> {
  const id = values.id ?? uuidv7();
  const row = { workspace_id: workspaceId, created_at: STAMP, updated_at: STAMP, ...values, id };
  // Kysely cannot relate a generic table's Insertable to its values; the parameter type checks the columns.
  await db
    .insertInto(table)
    .values(row as never)
    .execute();
  return id;
}

/**
 * The stored row of record `id` in `table`, as the database holds it (column names and
 * encodings), for checks of how a use case wrote a value; throws when there is none.
 */
export async function storedRow<T extends StampedTable>(
  db: Kysely<Schema>,
  table: T,
  id: string,
): Promise<Selectable<Schema[T]>> {
  // As in insertRow: Kysely cannot relate a generic table to its columns; the return type names them.
  const rows = db as unknown as Kysely<{ stored: { id: string } }>;
  const row = await rows
    .selectFrom(table as unknown as 'stored')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row as unknown as Selectable<Schema[T]>;
}
