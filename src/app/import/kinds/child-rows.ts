/**
 * What the kinds of a customer's records (contacts, deals, visits) share: a row names its
 * customer, resolved among those the caller may see for the whole batch at once, and the
 * stored records of the batch's customers are looked up together.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../../db/schema.js';
import { cellText, normaliseText, type Parsed } from '../../../domain/import/values.js';
import { visibleCustomers } from '../../access.js';
import type { Principal } from '../../context.js';
import type { RecordRow } from '../../record-store.js';
import {
  type Draft,
  type DraftContext,
  type Existing,
  type ImportKind,
  type KindStore,
  type MappedRow,
  nonEmpty,
  reason,
  rejected,
  type StoredRecord,
} from '../import-kind.js';

/** Reads one child row whose customer is known. */
export type DraftChild<Columns> = (
  row: MappedRow,
  customerId: string,
  context: DraftContext,
) => Parsed<Draft<Columns>>;

/** How people name a customer's record: by its customer, as the row wrote it. */
export const customerLabel = (row: MappedRow): string => cellText(row.get('customer'));

/** The draft of a record of a customer, named by its customer (see `customerLabel`). */
export function customerChildDraft<Columns>(
  row: MappedRow,
  draft: Omit<Draft<Columns>, 'label'>,
): Parsed<Draft<Columns>> {
  return { ok: true, value: { label: customerLabel(row), ...draft } };
}

/** Drafts a batch of child rows: a row whose customer is not found is rejected for that first. */
export async function draftChildren<Columns>(
  db: Kysely<Schema>,
  context: DraftContext,
  rows: readonly MappedRow[],
  draftOne: DraftChild<Columns>,
): Promise<Parsed<Draft<Columns>>[]> {
  const customers = await resolveCustomers(db, context.principal, rows);
  return rows.map((row) => {
    const customer = customers.get(row) ?? rejected<string>(missingCustomer);
    return customer.ok ? draftOne(row, customer.value, context) : rejected(customer.reason);
  });
}

/**
 * The stored records of the drafts' customers (loaded by `load`, oldest first) by natural
 * key; the first record of a key wins.
 */
export async function childrenByKey<Columns extends { customer_id: string }, Stored>(
  drafts: readonly Draft<Columns>[],
  load: (customerIds: string[]) => Promise<Stored[]>,
  keyOf: (stored: Stored) => string,
): Promise<Existing<Stored>> {
  const out = new Map<string, Stored>();
  if (drafts.length === 0) return out;
  for (const stored of await load([...new Set(drafts.map((d) => d.insert.customer_id))])) {
    const key = keyOf(stored);
    if (!out.has(key)) out.set(key, stored);
  }
  return out;
}

/** The tables of a customer's records that the import writes. */
type ChildTable = 'contacts' | 'deals' | 'visits';

/** A stored record of one of those tables (for a named table, exactly its row). */
type ChildRow<T extends ChildTable> = RecordRow<T> & StoredRecord;

/**
 * The loader `childrenByKey` takes for `table`: the stored records of the given customers in
 * the caller's workspace, oldest first.
 */
export function childRecords<T extends ChildTable>(
  db: Kysely<Schema>,
  principal: Principal,
  table: T,
): (customerIds: string[]) => Promise<ChildRow<T>[]> {
  return async (customerIds) => {
    // Kysely types a query by its literal table; the three tables share these columns.
    const rows = await db
      .selectFrom(table as ChildTable as 'deals')
      .selectAll()
      .where('workspace_id', '=', principal.workspaceId)
      .where('customer_id', 'in', customerIds)
      .orderBy('created_at')
      .execute();
    return rows as unknown as ChildRow<T>[];
  };
}

/** What the kind of a customer's records says: its store, how one row reads, its natural key. */
export interface ChildKindSpec<T extends ChildTable, Columns extends { customer_id: string }> {
  /** The record store the rows are written through (its table holds the stored records). */
  readonly store: KindStore<NoInfer<Columns>, ChildRow<T>> & { readonly table: T };
  /** How people name the record of a row that could not be read; its customer unless said. */
  readonly label?: (row: MappedRow) => string;
  readonly draftOne: DraftChild<Columns>;
  /** A stored record's natural key, as its draft's `key`. */
  readonly keyOf: (stored: ChildRow<T>) => string;
  readonly afterWrite?: ImportKind<Columns, ChildRow<T>>['afterWrite'];
}

/**
 * The import kind of a customer's records (contacts, deals, visits): a batch's customers
 * resolved at once, its rows read by `draftOne`, the stored records of those customers
 * found by natural key, the writes through the store.
 */
export function childKind<T extends ChildTable, Columns extends { customer_id: string }>(
  spec: ChildKindSpec<T, Columns>,
): ImportKind<Columns, ChildRow<T>> {
  const { store, draftOne, keyOf, afterWrite } = spec;
  return {
    store,
    label: spec.label ?? customerLabel,
    draft: (db, context, rows) => draftChildren(db, context, rows, draftOne),
    findExisting: (db, principal, drafts) =>
      childrenByKey(drafts, childRecords(db, principal, store.table), keyOf),
    ...(afterWrite ? { afterWrite } : {}),
  };
}

const missingCustomer = reason('缺少客户名称', 'The customer name is missing');

/** The customers of a batch named in child rows, resolved among those the caller may see. */
async function resolveCustomers(
  db: Kysely<Schema>,
  principal: Principal,
  rows: readonly MappedRow[],
): Promise<Map<MappedRow, Parsed<string>>> {
  const names = new Set<string>();
  for (const row of rows) {
    const name = nonEmpty(row.get('customer'));
    if (name) {
      names.add(name);
      names.add(name.normalize('NFKC').replace(/\s+/g, ' '));
    }
  }
  const found =
    names.size === 0
      ? []
      : await visibleCustomers(db, principal)
          .select(['customers.id', 'customers.name', 'customers.company'])
          .where('customers.name', 'in', [...names])
          .execute();
  const byName = new Map<string, typeof found>();
  for (const c of found) byName.set(normaliseText(c.name), [...(byName.get(normaliseText(c.name)) ?? []), c]);
  const out = new Map<MappedRow, Parsed<string>>();
  for (const row of rows) {
    const name = nonEmpty(row.get('customer'));
    if (!name) {
      out.set(row, rejected(missingCustomer));
      continue;
    }
    const company = nonEmpty(row.get('company'));
    let candidates = byName.get(normaliseText(name)) ?? [];
    if (company && candidates.length > 1) {
      candidates = candidates.filter((c) => normaliseText(c.company ?? '') === normaliseText(company));
    }
    const first = candidates[0];
    if (!first) {
      out.set(
        row,
        rejected(
          reason(
            `找不到客户“${name}”（或你无权查看），请先导入客户`,
            `No customer "${name}" that you can see: import the customers first`,
          ),
        ),
      );
    } else if (candidates.length > 1) {
      out.set(
        row,
        rejected(
          reason(
            `有多个客户叫“${name}”，请加“公司全称”列区分`,
            `Several customers are called "${name}": add a company column`,
          ),
        ),
      );
    } else {
      out.set(row, { ok: true, value: first.id });
    }
  }
  return out;
}
