/**
 * Importing customers: a row is a customer named by name (and company); a re-import finds
 * it by its import fingerprint, or by name among the caller's customers (so records typed
 * in by hand are found too). New and re-staged customers get their stage history.
 */
import type { Kysely } from 'kysely';
import { createCustomerInput } from '../../../contract/customers.js';
import type { Schema } from '../../../db/schema.js';
import {
  cellText,
  customerKey,
  normaliseText,
  type Parsed,
  parseClass,
  parseList,
  parseStatus,
} from '../../../domain/import/values.js';
import { visibleCustomers } from '../../access.js';
import type { Principal } from '../../context.js';
import {
  type CustomerRow,
  customers,
  type NewCustomerValues,
  newCustomerValues,
} from '../../customers/customer-store.js';
import { recordStageChanges } from '../../customers/stage-changes.js';
import {
  type Draft,
  type DraftContext,
  type Existing,
  given,
  HIDDEN,
  type ImportKind,
  inChunks,
  type MappedRow,
  nonEmpty,
  parseRow,
  RowReader,
  reason,
  rejected,
  resolveMember,
} from '../import-kind.js';

/** Reads one row: the create input, its defaults, and what the file says for an update. */
function draftCustomer(
  row: MappedRow,
  { principal, lookups }: DraftContext,
): Parsed<Draft<NewCustomerValues>> {
  const r = new RowReader();
  const marketName = nonEmpty(row.get('market'));
  let marketId: string | null = null;
  if (marketName) {
    marketId = lookups.markets.get(normaliseText(marketName)) ?? null;
    if (!marketId)
      return rejected(reason(`没有市场“${marketName}”`, `No market "${marketName}" in this workspace`));
  }
  const owner = r.take(resolveMember(row.get('owner'), lookups));
  const cls = r.take(parseClass(row.get('class')));
  const status = r.take(parseStatus(row.get('status')));
  if (r.failure) return rejected(r.failure);
  // The owner the file names; else (as for a customer typed in) newCustomerValues' default.
  const input = {
    name: cellText(row.get('name')),
    company: nonEmpty(row.get('company')),
    marketId,
    city: nonEmpty(row.get('city')),
    class: cls ?? undefined,
    status: status ?? undefined,
    ownerId: owner ?? undefined,
    source: nonEmpty(row.get('source')),
    tags: parseList(row.get('tags')),
    notes: nonEmpty(row.get('notes')),
  };
  const parsed = parseRow(createCustomerInput, input, 'customers');
  if (!parsed.ok) return parsed;
  const b = parsed.value;
  const columns = newCustomerValues(principal, b);
  return {
    ok: true,
    value: {
      label: b.name,
      key: customerKey(b.name, b.company),
      insert: columns,
      given: given<NewCustomerValues>({
        company: columns.company,
        market_id: columns.market_id,
        city: columns.city,
        class: cls,
        status,
        owner_id: owner,
        source: columns.source,
        tags: b.tags && b.tags.length > 0 ? columns.tags : undefined,
        notes: columns.notes,
      }),
    },
  };
}

/**
 * The stored customers with the drafts' keys: by import fingerprint, then by name among the
 * visible ones; a fingerprint of a customer the caller cannot see is HIDDEN.
 */
async function findCustomers(
  db: Kysely<Schema>,
  principal: Principal,
  drafts: readonly Draft<NewCustomerValues>[],
): Promise<Existing<CustomerRow>> {
  const out = new Map<string, CustomerRow | typeof HIDDEN>();
  if (drafts.length === 0) return out;
  const keys = [...new Set(drafts.map((d) => d.key))];
  const byKey = await db
    .selectFrom('import_keys')
    .select(['key', 'record_id'])
    .where('workspace_id', '=', principal.workspaceId)
    .where('entity', '=', 'customer')
    .where('key', 'in', keys)
    .execute();
  const ids = byKey.map((k) => k.record_id);
  const visible = new Map(
    (ids.length === 0
      ? []
      : await visibleCustomers(db, principal)
          .selectAll('customers')
          .where('customers.id', 'in', ids)
          .execute()
    ).map((c) => [c.id, c]),
  );
  const stored = new Set(
    (ids.length === 0
      ? []
      : await db
          .selectFrom('customers')
          .select('id')
          .where('workspace_id', '=', principal.workspaceId)
          .where('id', 'in', ids)
          .execute()
    ).map((c) => c.id),
  );
  for (const k of byKey) {
    const row = visible.get(k.record_id);
    if (row) out.set(k.key, row);
    else if (stored.has(k.record_id)) out.set(k.key, HIDDEN);
  }
  const names = [...new Set(drafts.map((d) => d.insert.name))];
  const byName = await visibleCustomers(db, principal)
    .selectAll('customers')
    .where('customers.name', 'in', names)
    .orderBy('customers.created_at')
    .execute();
  for (const c of byName) {
    const key = customerKey(c.name, c.company);
    if (!out.has(key)) out.set(key, c);
  }
  return out;
}

/** Customers: the record type the others hang on. */
export const customerKind: ImportKind<NewCustomerValues, CustomerRow> = {
  store: customers,
  label: (row) => cellText(row.get('name')),
  draft: async (_db, context, rows) => rows.map((row) => draftCustomer(row, context)),
  findExisting: findCustomers,
  /**
   * The method's bookkeeping, as the customer use cases keep it: a changed status and a new
   * customer's first status in the stage history; and the new customers' import
   * fingerprints (replacing any a deleted customer left behind).
   */
  async afterWrite(db, deps, principal, { created, updated }) {
    const changes = [
      ...updated
        .filter(({ before, after }) => before.status !== after.status)
        .map(({ before, after }) => ({ customerId: after.id, from: before.status, to: after.status })),
      ...created.map(({ record }) => ({ customerId: record.id, from: null, to: record.status })),
    ];
    // A statement per chunk (not two queries per customer), small enough for SQLite's variable limit.
    await inChunks(changes, async (chunk) => {
      await recordStageChanges(
        db,
        deps,
        principal,
        chunk.map((change) => ({ ...change, overrideReason: null })),
      );
      return [];
    });
    if (created.length === 0) return;
    await db
      .deleteFrom('import_keys')
      .where('workspace_id', '=', principal.workspaceId)
      .where('entity', '=', 'customer')
      .where(
        'key',
        'in',
        created.map((c) => c.key),
      )
      .execute();
    await inChunks(created, async (chunk) => {
      await db
        .insertInto('import_keys')
        .values(
          chunk.map((c) => ({
            workspace_id: principal.workspaceId,
            entity: 'customer' as const,
            key: c.key,
            record_id: c.record.id,
            created_at: c.record.created_at,
          })),
        )
        .execute();
      return [];
    });
  },
};
