/**
 * The one way a record type is read and written: `defineRecordStore` turns a table's
 * description (its view mapping, how an input's fields map to columns, who may see a row)
 * into the store every use case and the import call — find (visibility-scoped), insert,
 * `updateVersioned` (the optimistic-concurrency write) and remove, and their audited forms
 * (`updateAudited`, `removeAudited`) that end an update or delete use case. The rules (who
 * may write, what must hold before a write) stay in the use cases; the SQL that every record
 * type shares lives here once, with the queries of a customer's rows (`visibleRows` starts
 * the lists, `countsPerCustomer`, `listOfCustomer`). See docs/ARCHITECTURE.md, "How to add
 * a record type".
 */
import type { Insertable, Kysely, Selectable, SelectQueryBuilder, Updateable } from 'kysely';
import type { Schema } from '../db/schema.js';
import { AppError } from '../domain/errors.js';
import { visibleCustomers } from './access.js';
import { type AuditEntry, recordAudit } from './audit.js';
import type { Deps, Principal } from './context.js';

/** The tables of one workspace whose rows carry an id, a version and timestamps. */
export type RecordTable = {
  [K in keyof Schema]: Schema[K] extends {
    id: string;
    workspace_id: string;
    created_at: string;
    updated_at: string;
  }
    ? Selectable<Schema[K]> extends { version: number }
      ? K
      : never
    : never;
}[keyof Schema];

/** A row of `T` as Kysely returns it. */
export type RecordRow<T extends RecordTable> = Selectable<Schema[T]>;

/** The columns a use case writes; the store adds the id, workspace and timestamps. */
export type RecordValues<T extends RecordTable> = Omit<
  Insertable<Schema[T]>,
  'id' | 'workspace_id' | 'created_at' | 'updated_at' | 'version'
>;

/** The columns an update may change (the store sets `updated_at` and `version`). */
export type RecordChanges<T extends RecordTable> = Omit<
  Updateable<Schema[T]>,
  'id' | 'workspace_id' | 'created_at' | 'updated_at' | 'version'
>;

/** How one input field is written: its column, and (optionally) how its value is stored. */
export type ColumnOf<T extends RecordTable> =
  | (keyof RecordChanges<T> & string)
  | { readonly column: keyof RecordChanges<T> & string; readonly write: (value: never) => unknown };

/**
 * Who may see a row: every member of its workspace (`workspace`: markets, products,
 * seminars …), whoever may see the customer itself (`customer`), or whoever may see the
 * customer it belongs to (`customer-child`: contacts, visits, deals …).
 */
export type RecordScope = 'workspace' | 'customer' | 'customer-child';

/** What `defineRecordStore` needs to know about a table. */
export interface RecordStoreSpec<T extends RecordTable, View, Fields> {
  readonly table: T;
  /** The name errors and audit entries use (`deal`, `follow_up` …). */
  readonly entity: string;
  readonly scope: RecordScope;
  /** Row → API view. */
  readonly toView: (row: RecordRow<T>) => View;
  /** Input field → column, for every field an input may carry. */
  readonly columns: { readonly [K in keyof Fields]-?: ColumnOf<T> };
}

/** The shape of `insertMany`: the columns of new rows in, the stored rows out. */
export type InsertMany<Values, Row> = (
  db: Kysely<Schema>,
  deps: Pick<Deps, 'clock' | 'newId'>,
  principal: Principal,
  values: readonly (Values & { readonly id?: string })[],
) => Promise<Row[]>;

/** The shape of `updateVersioned`: the changes of the row `id` read at `version`, the row after. */
export type UpdateVersioned<Changes, Row> = (
  db: Kysely<Schema>,
  deps: Pick<Deps, 'clock'>,
  principal: Principal,
  id: string,
  version: number,
  changes: Changes,
  before?: Row,
) => Promise<Row>;

/** The reads and writes of one record type; see the module header. */
export interface RecordStore<T extends RecordTable, View, Fields> {
  readonly table: T;
  readonly entity: string;
  readonly toView: (row: RecordRow<T>) => View;
  /**
   * The columns of the fields an input carries: a field left out (undefined) is not
   * written, a null is written as null. The one place an input's names meet the columns.
   */
  columnsOf(fields: Partial<Fields>): RecordChanges<T>;
  /** The row the caller may see, or NOT_FOUND (another workspace's row looks absent too). */
  find(db: Kysely<Schema>, principal: Principal, id: string): Promise<RecordRow<T>>;
  /**
   * Inserts one row in the caller's workspace with version 1, both timestamps and a new id
   * (or `values.id`, for a caller that needs the id before the row exists).
   */
  insert(
    db: Kysely<Schema>,
    deps: Pick<Deps, 'clock' | 'newId'>,
    principal: Principal,
    values: RecordValues<T> & { readonly id?: string },
  ): Promise<RecordRow<T>>;
  /**
   * Inserts many rows (one INSERT per 200) as `insert` does each. The rows come back in no
   * promised order (SQLite's RETURNING promises none): match them by id.
   */
  readonly insertMany: InsertMany<RecordValues<T>, RecordRow<T>>;
  /**
   * CONFLICT.STALE (with the current version) unless `row` is at `version`: for a use case
   * whose stale form must hear that before any field error. `updateVersioned` checks again.
   */
  requireVersion(row: RecordRow<T>, version: number): void;
  /**
   * Writes `changes` when the row is still at `version`, else CONFLICT.STALE with the
   * current version, and nothing is written. `before`, when the caller already read the
   * row, saves the second read. The guarded UPDATE makes a concurrent writer that read the
   * same version lose even between the check and the write.
   */
  readonly updateVersioned: UpdateVersioned<RecordChanges<T>, RecordRow<T>>;
  /**
   * A write the system makes on its own, not from a form the user read (logging a close
   * attempt sets the customer's expected funds date; a chairman's verdict names the key
   * person): applies `changes` to the row as it is now and bumps its version, so a
   * colleague's concurrent save of the record makes neither write fail, and an open form
   * of the record hears CONFLICT.STALE on its next save. Callers find the row first.
   */
  updateCurrent(
    db: Kysely<Schema>,
    deps: Pick<Deps, 'clock'>,
    principal: Principal,
    id: string,
    changes: RecordChanges<T>,
  ): Promise<RecordRow<T>>;
  /**
   * The update of a use case that read `before` (and checked its rights): `updateVersioned`,
   * then the audit entry `update` with the views before and after; returns the view after.
   */
  updateAudited(
    db: Kysely<Schema>,
    deps: Pick<Deps, 'clock' | 'newId'>,
    principal: Principal,
    before: RecordRow<T>,
    version: number,
    changes: RecordChanges<T>,
  ): Promise<View>;
  /**
   * Takes the row's lock until the transaction ends (a no-op write, which works on both
   * engines; SQLite's immediate transactions already write one at a time): for a write that
   * must see what a concurrent one wrote first — the visits of one customer (meeting
   * numbers), the invitations of one seminar.
   */
  lock(db: Kysely<Schema>, workspaceId: string, id: string): Promise<void>;
  /** Deletes the row of the caller's workspace (callers find it first, for rights and audit). */
  remove(db: Kysely<Schema>, principal: Principal, id: string): Promise<void>;
  /**
   * The delete of a use case that found `row` (and checked its rights): `remove`, then the
   * audit entry `delete` with the view before.
   */
  removeAudited(
    db: Kysely<Schema>,
    deps: Pick<Deps, 'clock' | 'newId'>,
    principal: Principal,
    row: RecordRow<T>,
  ): Promise<void>;
  /** Appends the audit entry of one write of this record type, with the views before and after. */
  audit(
    db: Kysely<Schema>,
    deps: Pick<Deps, 'clock' | 'newId'>,
    principal: Principal,
    action: AuditEntry['action'],
    id: string,
    change: { readonly before?: View; readonly after?: View },
  ): Promise<void>;
}

/**
 * Kysely types each query by its literal table name; a store is written once for every
 * table, so inside this module the database is seen through the shape the record tables
 * share. The public signatures above keep each store exactly typed.
 */
interface LooseSchema {
  record: { id: string; workspace_id: string; customer_id: string; version: number; updated_at: string };
}

/** Rows per INSERT statement: well below SQLite's and PostgreSQL's bound-parameter limits. */
export const INSERT_CHUNK = 200;

/** Builds the store of one table; see `RecordStore`. */
export function defineRecordStore<T extends RecordTable, View, Fields>(
  spec: RecordStoreSpec<T, View, Fields>,
): RecordStore<T, View, Fields> {
  type Store = RecordStore<T, View, Fields>;
  const { table, entity, scope, toView, columns } = spec;
  const loose = (db: Kysely<Schema>) => db as unknown as Kysely<LooseSchema>;
  const record = table as unknown as 'record';
  const find = async (db: Kysely<Schema>, principal: Principal, id: string): Promise<RecordRow<T>> => {
    let query = loose(db)
      .selectFrom(record)
      .selectAll()
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id);
    // What a lead or an assistant may see is decided by customer (access.ts), once.
    const visibleIds = () => visibleCustomers(db, principal).select('customers.id');
    if (scope === 'customer') query = query.where('id', 'in', visibleIds());
    if (scope === 'customer-child') query = query.where('customer_id', 'in', visibleIds());
    const row = await query.executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { entity, id });
    return row as unknown as RecordRow<T>;
  };
  const insertRows = async (
    db: Kysely<Schema>,
    deps: Pick<Deps, 'clock' | 'newId'>,
    principal: Principal,
    values: readonly (RecordValues<T> & { readonly id?: string })[],
  ): Promise<RecordRow<T>[]> => {
    const now = deps.clock().toISOString();
    const rows: RecordRow<T>[] = [];
    for (let i = 0; i < values.length; i += INSERT_CHUNK) {
      const chunk = values.slice(i, i + INSERT_CHUNK).map((v) => ({
        ...(v as object),
        id: v.id ?? deps.newId(),
        workspace_id: principal.workspaceId,
        created_at: now,
        updated_at: now,
      }));
      const inserted = await loose(db)
        .insertInto(record)
        .values(chunk as never)
        .returningAll()
        .execute();
      rows.push(...(inserted as unknown as RecordRow<T>[]));
    }
    return rows;
  };
  const requireVersion = (row: RecordRow<T>, version: number): void => {
    const { id, version: currentVersion } = row as unknown as { id: string; version: number };
    if (currentVersion !== version)
      throw new AppError('CONFLICT.STALE', { entity, id, version, currentVersion });
  };
  const updateVersioned: Store['updateVersioned'] = async (
    db,
    deps,
    principal,
    id,
    version,
    changes,
    before,
  ) => {
    requireVersion(before ?? (await find(db, principal, id)), version);
    const row = await loose(db)
      .updateTable(record)
      .set({
        ...(changes as object),
        updated_at: deps.clock().toISOString(),
        version: version + 1,
      } as never)
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('CONFLICT.STALE', { entity, id, version });
    return row as unknown as RecordRow<T>;
  };
  const updateCurrent: Store['updateCurrent'] = async (db, deps, principal, id, changes) => {
    const row = await loose(db)
      .updateTable(record)
      .set((eb) => ({
        ...(changes as object),
        updated_at: deps.clock().toISOString(),
        version: eb('version', '+', 1),
      }))
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { entity, id });
    return row as unknown as RecordRow<T>;
  };
  const lock: Store['lock'] = async (db, workspaceId, id) => {
    await loose(db)
      .updateTable(record)
      .set((eb) => ({ id: eb.ref('id') }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  };
  const remove: Store['remove'] = async (db, principal, id) => {
    await loose(db)
      .deleteFrom(record)
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .execute();
  };
  const audit: Store['audit'] = (db, deps, principal, action, id, change) =>
    recordAudit(db, deps, principal, { entity, entityId: id, action, ...change });
  return {
    table,
    entity,
    requireVersion,
    toView,
    columnsOf(fields) {
      const changes: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(fields as Record<string, unknown>)) {
        // Own keys only: a field named `constructor` or `__proto__` is no column.
        if (value === undefined || !Object.hasOwn(columns, field)) continue;
        const column = (columns as Record<string, ColumnOf<T>>)[field] as ColumnOf<T>;
        if (typeof column === 'string') changes[column] = value;
        else changes[column.column] = value === null ? null : column.write(value as never);
      }
      return changes as RecordChanges<T>;
    },
    find,
    async insert(db, deps, principal, values) {
      const [row] = await insertRows(db, deps, principal, [values]);
      if (!row) throw new Error(`insert into ${table} returned no row`);
      return row;
    },
    insertMany: insertRows,
    updateVersioned,
    updateCurrent,
    async updateAudited(db, deps, principal, before, version, changes) {
      const { id } = before as unknown as { id: string };
      const after = toView(await updateVersioned(db, deps, principal, id, version, changes, before));
      await audit(db, deps, principal, 'update', id, { before: toView(before), after });
      return after;
    },
    lock,
    remove,
    async removeAudited(db, deps, principal, row) {
      const { id } = row as unknown as { id: string };
      await remove(db, principal, id);
      await audit(db, deps, principal, 'delete', id, { before: toView(row) });
    },
    audit,
  };
}

/** The timestamps and version every record view ends with. */
export function recordStamps(row: { created_at: string; updated_at: string; version: number }): {
  createdAt: string;
  updatedAt: string;
  version: number;
} {
  return { createdAt: row.created_at, updatedAt: row.updated_at, version: row.version };
}

/** The fields of a `columns` map that are stored as they are shown (a column name, no `write`). */
export type PlainFields<Row, Columns> = {
  -readonly [K in keyof Columns as Columns[K] extends string ? K : never]: Columns[K] extends keyof Row
    ? Row[Columns[K]]
    : never;
};

/**
 * The part of a record's view that its store's `columns` already say: the id, every field
 * stored as shown (read back from its column) and the stamps. A `toView` adds only the
 * fields stored differently and those no input writes, so a field's column is named once.
 */
export function plainView<
  Row extends { id: string; created_at: string; updated_at: string; version: number },
  Columns extends Readonly<Record<string, string | { readonly column: string }>>,
>(row: Row, columns: Columns): { id: string } & PlainFields<Row, Columns> & ReturnType<typeof recordStamps> {
  const fields: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns)) {
    if (typeof column === 'string') fields[field] = row[column as keyof Row];
  }
  return { id: row.id, ...(fields as PlainFields<Row, Columns>), ...recordStamps(row) };
}

/** The tables whose rows belong to one customer of one workspace (records or not). */
export type CustomerRowTable = {
  [K in keyof Schema]: Schema[K] extends { workspace_id: string; customer_id: string } ? K : never;
}[keyof Schema];

/** One column a list is ordered by: ascending, or descending when followed by ` desc`. */
export type ListOrder<T extends keyof Schema> =
  | (keyof Selectable<Schema[T]> & string)
  | `${keyof Selectable<Schema[T]> & string} desc`;

/** The query of one table's rows, as `listOfCustomer` hands it to its `refine` and `visibleRows` returns it. */
export type RowsQuery<T extends keyof Schema> = SelectQueryBuilder<Schema, T, Selectable<Schema[T]>>;

/**
 * The rows of `table` whose customer the caller may see, only those of `customerId` when
 * a list's filter names one: where every list of a customer's records (contacts, visits,
 * deals, follow-ups) starts; its other filters, order and page follow.
 */
export function visibleRows<T extends CustomerRowTable>(
  db: Kysely<Schema>,
  principal: Principal,
  table: T,
  customerId?: string,
): RowsQuery<T> {
  let query = (db as unknown as Kysely<LooseSchema>)
    .selectFrom(table as unknown as 'record')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', 'in', visibleCustomers(db, principal).select('customers.id'));
  if (customerId) query = query.where('customer_id', '=', customerId);
  return query as unknown as RowsQuery<T>;
}

/** The query of one table's rows before its columns are chosen, as `countsPerCustomer` hands it to its `refine`. */
export type RowsFilter<T extends keyof Schema> = SelectQueryBuilder<Schema, T, object>;

/**
 * How many rows of `table` each of `customerIds` has in the workspace, counting the rows
 * `refine` keeps (a customer without any is absent): one grouped query, not one per
 * customer.
 */
export async function countsPerCustomer<T extends CustomerRowTable>(
  db: Kysely<Schema>,
  workspaceId: string,
  customerIds: readonly string[],
  table: T,
  refine: (query: RowsFilter<T>) => RowsFilter<T>,
): Promise<Map<string, number>> {
  if (customerIds.length === 0) return new Map();
  const rows = (db as unknown as Kysely<LooseSchema>)
    .selectFrom(table as unknown as 'record')
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', 'in', customerIds);
  const counted = await (refine(rows as unknown as RowsFilter<T>) as unknown as typeof rows)
    .select(['customer_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('customer_id')
    .execute();
  // PostgreSQL answers count(*) as a bigint string.
  return new Map(counted.map((r) => [r.customer_id, Number(r.n)]));
}

/**
 * A customer's rows of one table (a store, or any table and view mapping), as views in
 * `order`: NOT_FOUND (entity `customer`) when the caller may not see the customer, so that
 * a customer's sub-resources answer exactly as the customer itself would. `refine` narrows
 * the rows further (e.g. only the visits that have a discovery).
 */
export async function listOfCustomer<T extends CustomerRowTable, View>(
  db: Kysely<Schema>,
  principal: Principal,
  customerId: string,
  source: { readonly table: T; readonly toView: (row: Selectable<Schema[T]>) => View },
  order: readonly ListOrder<T>[],
  refine: (query: RowsQuery<T>) => RowsQuery<T> = (query) => query,
): Promise<View[]> {
  const visible = await visibleCustomers(db, principal)
    .select('customers.id')
    .where('customers.id', '=', customerId)
    .executeTakeFirst();
  if (!visible) throw new AppError('NOT_FOUND', { entity: 'customer', id: customerId });
  let query = (db as unknown as Kysely<LooseSchema>)
    .selectFrom(source.table as unknown as 'record')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', '=', customerId);
  for (const key of order) {
    const [column, direction] = key.split(' ') as ['id', 'desc' | undefined];
    query = query.orderBy(column, direction ?? 'asc');
  }
  const rows = await refine(query as unknown as RowsQuery<T>).execute();
  return rows.map((row) => source.toView(row as Selectable<Schema[T]>));
}
