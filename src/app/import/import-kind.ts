/**
 * What the import engine (import-batch.ts) needs to know about one record type: an
 * `ImportKind` reads a batch's rows into drafts (row → create input → stored columns, with
 * the natural key that makes a re-import find its record), finds the stored records with
 * those keys in one lookup, inserts, updates and, after a batch's writes, does the method's
 * bookkeeping (stage history, meeting numbers). A kind names the record store its
 * records are written through (`kindWrites` turns it into the engine's insert, versioned
 * update and audit view), so no kind writes its own INSERT or UPDATE. The kinds live in
 * ./kinds/, one per type of IMPORT_TYPES; this file also holds the row helpers they share.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { ImportType } from '../../domain/import/fields.js';
import { type Cell, cellText, normaliseText, type Parsed, type Reason } from '../../domain/import/values.js';
import { fieldProblems } from '../../domain/issue-messages.js';
import { assignableMemberships } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { INSERT_CHUNK, type InsertMany, type UpdateVersioned } from '../record-store.js';

/** A data row, mapped: field → cell. */
export interface MappedRow {
  readonly line: number;
  /** The row's cells as text, in the file's own columns (for the error file). */
  readonly cells: readonly string[];
  readonly get: (field: string) => Cell;
}

/** Names and emails of the workspace's members → membership ids, and who the caller may assign. */
export interface Lookups {
  readonly markets: ReadonlyMap<string, string>;
  readonly members: ReadonlyMap<string, readonly string[]>;
  readonly assignable: ReadonlySet<string>;
  readonly currency: string;
}

/** What reading a row needs besides the row: who imports, and the workspace's names. */
export interface DraftContext {
  readonly principal: Principal;
  readonly lookups: Lookups;
}

/** A row read into the record it stands for. */
export interface Draft<Columns> {
  /** The record as people name it (customer name, "customer / contact" …). */
  readonly label: string;
  /** The natural key: equal keys are the same record. */
  readonly key: string;
  /** The stored columns of the record when it is new. */
  readonly insert: Columns;
  /** The columns the file gave a value for (an empty cell never clears a stored value). */
  readonly given: Partial<Columns>;
}

/** What every stored record has that the engine relies on. */
export interface StoredRecord {
  readonly id: string;
  readonly version: number;
}

/** A stored record the caller may not see (its natural key is taken by another team's). */
export const HIDDEN = 'hidden';

/** Natural key → the stored record with it, or HIDDEN. */
export type Existing<Stored> = ReadonlyMap<string, Stored | typeof HIDDEN>;

/** What a batch wrote, for the kind's bookkeeping. */
export interface Written<Stored> {
  readonly created: readonly { readonly record: Stored; readonly key: string }[];
  readonly updated: readonly { readonly before: Stored; readonly after: Stored }[];
}

/**
 * The record store a kind's records are written through (a `RecordStore` of
 * record-store.ts), seen through the columns an import row sets.
 */
export interface KindStore<Columns extends object, Stored extends StoredRecord> {
  /** The audit log's name of the record type. */
  readonly entity: string;
  /** The record as the API shows it (what the audit log keeps). */
  readonly toView: (stored: Stored) => unknown;
  readonly insertMany: InsertMany<Columns, Stored>;
  readonly updateVersioned: UpdateVersioned<Partial<Columns>, Stored>;
}

/**
 * One record type of the import. `Columns` are the stored columns a row sets; `Stored` the
 * stored record (which has every column of `Columns`).
 */
export interface ImportKind<Columns extends object, Stored extends StoredRecord> {
  /** The record store the kind's records are written through: its inserts, versioned updates and view. */
  readonly store: KindStore<Columns, Stored>;
  /** How people name the record of a row that could not be read. */
  label(row: MappedRow): string;
  /** Reads a batch's rows, in order (a batch at once, so child rows look up their customers together). */
  draft(
    db: Kysely<Schema>,
    context: DraftContext,
    rows: readonly MappedRow[],
  ): Promise<Parsed<Draft<Columns>>[]>;
  /** The stored records with the drafts' natural keys, in one lookup per batch. */
  findExisting(
    db: Kysely<Schema>,
    principal: Principal,
    drafts: readonly Draft<Columns>[],
  ): Promise<Existing<Stored>>;
  /** The method's bookkeeping after a batch's writes, in the batch's transaction. */
  afterWrite?(db: Kysely<Schema>, deps: Deps, principal: Principal, written: Written<Stored>): Promise<void>;
}

/** How the engine writes one batch's records of a kind, all stamped with the batch's instant. */
export interface KindWrites<Columns extends object, Stored extends StoredRecord> {
  readonly entity: string;
  /** Inserts new records with the ids the engine gave them; returns them as stored (in no order). */
  insert(db: Kysely<Schema>, records: readonly (Columns & { readonly id: string })[]): Promise<Stored[]>;
  /** Writes `changes` if `stored` is still at its version; undefined when someone changed it meanwhile. */
  update(db: Kysely<Schema>, stored: Stored, changes: Partial<Columns>): Promise<Stored | undefined>;
  /** The record as the API shows it (what the audit log keeps). */
  view(stored: Stored): unknown;
}

/**
 * The writes of `kind` for one batch of `principal`'s at instant `now`, through its store:
 * a record changed meanwhile is undefined, not CONFLICT.STALE (the engine rejects just
 * that row).
 */
export function kindWrites<Columns extends object, Stored extends StoredRecord>(
  { store }: ImportKind<Columns, Stored>,
  deps: Pick<Deps, 'newId'>,
  principal: Principal,
  now: string,
): KindWrites<Columns, Stored> {
  // Every record of the batch carries the batch's instant, as the engine decided it.
  const batchDeps = { newId: deps.newId, clock: () => new Date(now) };
  return {
    entity: store.entity,
    insert: (db, records) => store.insertMany(db, batchDeps, principal, records),
    async update(db, stored, changes) {
      try {
        return await store.updateVersioned(
          db,
          batchDeps,
          principal,
          stored.id,
          stored.version,
          changes,
          stored,
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'CONFLICT.STALE') return undefined;
        throw error;
      }
    },
    view: store.toView,
  };
}

/** Runs `write` on consecutive chunks of `rows` (as many as an INSERT takes) and returns what it returned, in order. */
export async function inChunks<T, R>(
  rows: readonly T[],
  write: (chunk: T[]) => Promise<readonly R[]>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    out.push(...(await write(rows.slice(i, i + INSERT_CHUNK))));
  return out;
}

/** A reason in both languages. */
export const reason = (zh: string, en: string): Reason => ({ zh, en });

/** A cell's text, or null for an empty cell. */
export const nonEmpty = (cell: Cell): string | null => {
  const text = cellText(cell);
  return text === '' ? null : text;
};

/** Drops undefined and null values: an empty cell never clears a stored value. */
export function given<Columns extends object>(
  values: { [K in keyof Columns]?: Columns[K] | null },
): Partial<Columns> {
  const out: Partial<Columns> = {};
  for (const column of Object.keys(values) as (keyof Columns)[]) {
    const value = values[column];
    if (value !== undefined && value !== null) out[column] = value;
  }
  return out;
}

/** Collects parse results; the first failure wins. */
export class RowReader {
  failure: Reason | null = null;
  take<T>(parsed: Parsed<T>): T | null {
    if (parsed.ok) return parsed.value;
    this.failure ??= parsed.reason;
    return null;
  }
}

/** A rejected row. */
export const rejected = <T>(why: Reason): Parsed<T> => ({ ok: false, reason: why });

/**
 * The zod problems of a row, in both languages: sentences that name the column's field
 * ("请填写客户名称"), as the API and the web forms say them, never zod's own text.
 */
function schemaReason(issues: readonly z.core.$ZodIssue[], subject: ImportType): Reason {
  const problems = fieldProblems(issues, '', subject);
  return {
    zh: problems.map((p) => p.messageZh).join('；'),
    en: problems.map((p) => p.message).join('; '),
  };
}

/**
 * A row's create input read by the API's own schema (`schema`), or the row rejected with
 * its zod problems in both languages (`subject` names the fields as the import does).
 */
export function parseRow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  subject: ImportType,
): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(input, { reportInput: true });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : rejected(schemaReason(parsed.error.issues, subject));
}

/** A member named by email or name → membership id, within the caller's rights. */
export function resolveMember(cell: Cell, lookups: Lookups): Parsed<string | null> {
  const text = cellText(cell);
  if (text === '') return { ok: true, value: null };
  const ids = lookups.members.get(normaliseText(text)) ?? [];
  if (ids.length > 1) {
    return rejected(
      reason(`有多个成员叫“${text}”，请写邮箱`, `Several members are called "${text}": use the email`),
    );
  }
  const id = ids[0];
  if (!id) return rejected(reason(`没有成员“${text}”`, `No member "${text}" in this workspace`));
  if (!lookups.assignable.has(id)) {
    return rejected(reason(`“${text}”不是你可以指派的成员`, `"${text}" is not a member you can assign`));
  }
  return { ok: true, value: id };
}

/** The workspace's markets and members by the names a file may use, and its currency. */
export async function loadLookups(db: Kysely<Schema>, principal: Principal): Promise<Lookups> {
  const markets = new Map<string, string>();
  for (const m of await db
    .selectFrom('markets')
    .select(['id', 'name'])
    .where('workspace_id', '=', principal.workspaceId)
    .execute()) {
    markets.set(normaliseText(m.name), m.id);
  }
  const members = new Map<string, string[]>();
  const add = (key: string, id: string) => members.set(key, [...(members.get(key) ?? []), id]);
  for (const m of await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.id', 'users.email', 'users.name'])
    .where('memberships.workspace_id', '=', principal.workspaceId)
    .execute()) {
    add(normaliseText(m.email), m.id);
    add(normaliseText(m.name), m.id);
  }
  const workspace = await db
    .selectFrom('workspaces')
    .select('currency')
    .where('id', '=', principal.workspaceId)
    .executeTakeFirstOrThrow();
  return {
    markets,
    members,
    assignable: await assignableMemberships(db, principal),
    currency: workspace.currency,
  };
}
