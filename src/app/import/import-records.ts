/**
 * Use case: import customers, contacts, deals or visits from a CSV or xlsx byte stream,
 * acting as the caller (their rights, their defaults). Rows are read as a stream and
 * handled in batches of 500, each batch in one transaction, so a 100,000-row file never
 * sits in memory and a failure loses at most the batch it happened in.
 *
 * Each row is created, updated (a record with the same natural key exists and the file
 * says something new), skipped (nothing new, or a duplicate of an earlier row) or rejected
 * with a reason in both languages. A dry run decides the same way and writes nothing.
 * Rejected rows come back as an error file (see write-error-file.ts) the user can fix and
 * re-import.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { CustomerStatus, Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import {
  type ColumnMapping,
  IMPORT_TYPES,
  type ImportType,
  matchHeaders,
  parseMappingSpec,
} from '../../domain/import/fields.js';
import { restoreCell } from '../../domain/import/neutralise.js';
import {
  type Cell,
  cellText,
  contactKey,
  customerKey,
  dealKey,
  normaliseText,
  type Parsed,
  parseAmountCell,
  parseClass,
  parseContactRole,
  parseDateCell,
  parseList,
  parseStatus,
  type Reason,
  visitKey,
} from '../../domain/import/values.js';
import { fieldProblems } from '../../domain/issue-messages.js';
import { assignableMemberships, visibleCustomers } from '../access.js';
import { createContactInput, toContact } from '../contacts/contact-schema.js';
import type { Deps, Principal } from '../context.js';
import { createCustomerInput, toCustomer } from '../customers/customer-schema.js';
import { recordStageChange } from '../customers/stage-changes.js';
import { createDealInput, toDeal } from '../deals/deal-schema.js';
import { parseInput } from '../validation.js';
import { lockMeetings, renumberMeetings } from '../visits/meeting-numbers.js';
import { createVisitInput, toVisit } from '../visits/visit-schema.js';
import { readTable, type TableFormat, type TableRow } from './read-table.js';

/** Options of an import. */
export const importOptions = z.strictObject({
  type: z.enum(IMPORT_TYPES),
  format: z.enum(['csv', 'xlsx']),
  dryRun: z.boolean().default(false),
  /** `header=field,…` or { header: field }; `#3=phone` names the third column. */
  mapping: z.union([z.string().max(5000), z.record(z.string(), z.string())]).optional(),
  batchSize: z.int().min(1).max(5000).default(500),
  /** The file's name, for messages. */
  fileName: z.string().max(1000).optional(),
});
export type ImportOptions = z.input<typeof importOptions>;

/** What happened (or, in a dry run, would happen) to one row. */
export interface RowOutcome {
  readonly line: number;
  readonly action: 'create' | 'update' | 'skip' | 'reject';
  /** The row's record, as people name it (customer name, contact name …). */
  readonly label: string;
  readonly id?: string;
  readonly reason?: Reason;
}

/** Counts of an import. */
export interface ImportCounts {
  rowsRead: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
}

/** The rejected rows, in the file's own columns, with their reasons. */
export interface RejectedRows {
  readonly headers: readonly string[];
  readonly rows: { readonly line: number; readonly cells: readonly string[]; readonly reason: Reason }[];
}

/** The outcome of an import. */
export interface ImportReport {
  readonly type: ImportType;
  readonly dryRun: boolean;
  readonly headerLine: number;
  readonly mapping: readonly { header: string; field: string | null }[];
  readonly counts: ImportCounts;
  /** The first {@link REPORT_ROWS} row outcomes (all of them go to `onRow`). */
  readonly rows: readonly RowOutcome[];
  readonly rejected: RejectedRows;
}

/** Callbacks for progress (after each batch) and for every row's outcome. */
export interface ImportHooks {
  readonly onProgress?: (counts: Readonly<ImportCounts>) => void | Promise<void>;
  readonly onRow?: (outcome: RowOutcome) => void;
}

/** Row outcomes kept in the report (the rest only go to `onRow` and the counts). */
export const REPORT_ROWS = 1000;
/** Rows searched for the header row (title rows above it are skipped). */
const HEADER_SEARCH_ROWS = 10;

const reason = (zh: string, en: string): Reason => ({ zh, en });

/** A data row, mapped: field → cell. */
interface MappedRow {
  readonly line: number;
  readonly cells: readonly string[];
  readonly get: (field: string) => Cell;
}

/** A row ready to be decided: its natural key, label, the full create input and the columns to write. */
interface Draft {
  readonly row: MappedRow;
  readonly label: string;
  readonly key: string;
  /** Fields the file gave (non-empty), as stored columns, for updates. */
  readonly given: Record<string, unknown>;
  /** The row to insert when it is new. */
  readonly insert: Record<string, unknown>;
}

/** Names and emails of the workspace's members → membership ids, and who the caller may assign. */
interface Lookups {
  readonly markets: Map<string, string>;
  readonly members: Map<string, string[]>;
  readonly assignable: Set<string>;
  readonly currency: string;
}

/**
 * Imports `source` (the file's bytes) as `principal`.
 *
 * @throws AppError IMPORT.MISSING_COLUMNS when no header row with the required columns is
 *   found in the first rows; IMPORT.UNSUPPORTED_FILE when the bytes are not a readable
 *   file of `format`; VALIDATION.FAILED for bad options (an unknown mapping field).
 */
export async function importRecords(
  deps: Deps,
  principal: Principal,
  source: AsyncIterable<Uint8Array>,
  options: ImportOptions,
  hooks: ImportHooks = {},
): Promise<ImportReport> {
  const opts = parseInput(importOptions, options);
  const explicit = opts.mapping === undefined ? undefined : parseMappingSpec(opts.mapping, opts.type);
  if (explicit && !explicit.ok) {
    throw new AppError('VALIDATION.FAILED', {
      problems: [`mapping: unknown field in ${explicit.problem}`],
      problemsZh: [`mapping：未知字段 ${explicit.problem}`],
      fields: [
        {
          path: 'mapping',
          message: `unknown field in ${explicit.problem}`,
          messageZh: `未知字段 ${explicit.problem}`,
        },
      ],
    });
  }
  const lookups = await loadLookups(deps.db, principal);
  const counts: ImportCounts = { rowsRead: 0, created: 0, updated: 0, skipped: 0, rejected: 0 };
  const outcomes: RowOutcome[] = [];
  const rejectedRows: RejectedRows['rows'] = [];
  /** Natural keys handled in this run → the line and record id, to catch duplicate rows. */
  const seen = new Map<string, { line: number; id: string }>();

  const record = (outcome: RowOutcome, row: MappedRow) => {
    if (outcome.action === 'create') counts.created += 1;
    else if (outcome.action === 'update') counts.updated += 1;
    else if (outcome.action === 'skip') counts.skipped += 1;
    else {
      counts.rejected += 1;
      rejectedRows.push({ line: row.line, cells: row.cells, reason: outcome.reason ?? reason('', '') });
    }
    if (outcomes.length < REPORT_ROWS) outcomes.push(outcome);
    hooks.onRow?.(outcome);
  };

  let header: { line: number; columns: readonly ColumnMapping[]; headers: string[] } | null = null;
  const pending: TableRow[] = [];
  let batch: MappedRow[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await handleBatch(deps, principal, opts.type, opts.dryRun, lookups, seen, rows, record);
    await hooks.onProgress?.({ ...counts });
  };

  const toMapped = (row: TableRow, columns: readonly ColumnMapping[]): MappedRow | null => {
    const cells = row.cells.map((c) => (typeof c === 'string' ? restoreCell(c) : c));
    if (cells.every((c) => cellText(c) === '')) return null;
    const byField = new Map<string, Cell>();
    for (const column of columns) {
      if (column.field !== null) byField.set(column.field, cells[column.index] ?? null);
    }
    return { line: row.line, cells: cells.map(cellText), get: (field) => byField.get(field) ?? null };
  };

  const addRow = async (row: TableRow) => {
    if (!header) return;
    const mapped = toMapped(row, header.columns);
    if (!mapped) return;
    counts.rowsRead += 1;
    batch.push(mapped);
    if (batch.length >= opts.batchSize) await flush();
  };

  try {
    for await (const row of readTable(source, opts.format as TableFormat)) {
      if (header) {
        await addRow(row);
        continue;
      }
      if (row.cells.every((c) => cellText(c) === '')) continue;
      pending.push(row);
      if (pending.length >= HEADER_SEARCH_ROWS) {
        header = findHeader(pending, opts.type, explicit?.mapping);
        for (const later of pending.filter((p) => p.line > (header?.line ?? 0))) await addRow(later);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('IMPORT.UNSUPPORTED_FILE', {
      file: opts.fileName ?? `.${opts.format}`,
      reason: (error as Error).message,
    });
  }
  if (!header) {
    header = findHeader(pending, opts.type, explicit?.mapping);
    for (const later of pending.filter((p) => p.line > (header?.line ?? 0))) await addRow(later);
  }
  await flush();
  return {
    type: opts.type,
    dryRun: opts.dryRun,
    headerLine: header.line,
    mapping: header.columns.map((c) => ({ header: c.header, field: c.field })),
    counts,
    rows: outcomes,
    rejected: { headers: header.headers, rows: rejectedRows },
  };
}

/**
 * The header row: among the first rows, the one that has every required column and the
 * most recognised ones. Blank cells take the text of the cell above (a header merged over
 * two rows keeps its text only in the top cell).
 */
function findHeader(
  rows: readonly TableRow[],
  type: ImportType,
  explicit: ReadonlyMap<string, string | null> | undefined,
): { line: number; columns: readonly ColumnMapping[]; headers: string[] } {
  let best: {
    line: number;
    columns: readonly ColumnMapping[];
    headers: string[];
    recognised: number;
  } | null = null;
  let bestMissing: { missing: readonly string[]; headers: string[]; recognised: number } | null = null;
  let above: string[] = [];
  for (const row of rows) {
    const texts = row.cells.map((c) => cellText(c));
    const filled = texts.map((t, i) => (t === '' ? (above[i] ?? '') : t));
    above = filled;
    const match = matchHeaders(filled, type, explicit);
    if (match.missing.length === 0) {
      if (!best || match.recognised > best.recognised) {
        best = { line: row.line, columns: match.columns, headers: filled, recognised: match.recognised };
      }
    } else if (!bestMissing || match.recognised > bestMissing.recognised) {
      bestMissing = { missing: match.missing, headers: filled, recognised: match.recognised };
    }
  }
  if (best) return best;
  throw new AppError('IMPORT.MISSING_COLUMNS', {
    missing: bestMissing?.missing ?? [],
    headers: (bestMissing?.headers ?? []).filter(Boolean),
  });
}

async function loadLookups(db: Kysely<Schema>, principal: Principal): Promise<Lookups> {
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

/** A member named by email or name → membership id, within the caller's rights. */
function resolveMember(cell: Cell, lookups: Lookups): Parsed<string | null> {
  const text = cellText(cell);
  if (text === '') return { ok: true, value: null };
  const ids = lookups.members.get(normaliseText(text)) ?? [];
  if (ids.length > 1) {
    return {
      ok: false,
      reason: reason(
        `有多个成员叫“${text}”，请写邮箱`,
        `Several members are called "${text}": use the email`,
      ),
    };
  }
  const id = ids[0];
  if (!id) return { ok: false, reason: reason(`没有成员“${text}”`, `No member "${text}" in this workspace`) };
  if (!lookups.assignable.has(id)) {
    return {
      ok: false,
      reason: reason(`“${text}”不是你可以指派的成员`, `"${text}" is not a member you can assign`),
    };
  }
  return { ok: true, value: id };
}

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

/** Collects parse results; the first failure wins. */
class RowReader {
  failure: Reason | null = null;
  take<T>(parsed: Parsed<T>): T | null {
    if (parsed.ok) return parsed.value;
    this.failure ??= parsed.reason;
    return null;
  }
}

const nonEmpty = (cell: Cell): string | null => {
  const text = cellText(cell);
  return text === '' ? null : text;
};

/** Drops undefined and null values: an empty cell never clears a stored value. */
function given(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null));
}

type Decide = (outcome: RowOutcome, row: MappedRow) => void;

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
      out.set(row, { ok: false, reason: reason('缺少客户名称', 'The customer name is missing') });
      continue;
    }
    const company = nonEmpty(row.get('company'));
    let candidates = byName.get(normaliseText(name)) ?? [];
    if (company && candidates.length > 1) {
      candidates = candidates.filter((c) => normaliseText(c.company ?? '') === normaliseText(company));
    }
    const first = candidates[0];
    if (!first) {
      out.set(row, {
        ok: false,
        reason: reason(
          `找不到客户“${name}”（或你无权查看），请先导入客户`,
          `No customer "${name}" that you can see: import the customers first`,
        ),
      });
    } else if (candidates.length > 1) {
      out.set(row, {
        ok: false,
        reason: reason(
          `有多个客户叫“${name}”，请加“公司全称”列区分`,
          `Several customers are called "${name}": add a company column`,
        ),
      });
    } else {
      out.set(row, { ok: true, value: first.id });
    }
  }
  return out;
}

/** Handles one batch: decide every row, then (unless a dry run) write in one transaction. */
async function handleBatch(
  deps: Deps,
  principal: Principal,
  type: ImportType,
  dryRun: boolean,
  lookups: Lookups,
  seen: Map<string, { line: number; id: string }>,
  rows: readonly MappedRow[],
  decide: Decide,
): Promise<void> {
  const run = async (db: Kysely<Schema>) => {
    const drafts: { row: MappedRow; draft: Draft | null; failure: Reason | null }[] = [];
    const customerIds =
      type === 'customers'
        ? new Map<MappedRow, Parsed<string>>()
        : await resolveCustomers(db, principal, rows);
    for (const row of rows) {
      const result = draftRow(deps, principal, type, row, lookups, customerIds.get(row));
      drafts.push({ row, ...result });
    }
    const existing = await findExisting(
      db,
      principal,
      type,
      drafts.flatMap((d) => (d.draft ? [d.draft] : [])),
    );
    const now = deps.clock().toISOString();
    const inserts: Record<string, unknown>[] = [];
    const keys: { key: string; id: string }[] = [];
    const stageChanges: { customerId: string; from: CustomerStatus | null; to: CustomerStatus }[] = [];
    const visitedCustomers = new Set<string>();
    const audits: {
      entity: string;
      entityId: string;
      action: 'create' | 'update';
      before?: unknown;
      after: unknown;
    }[] = [];
    for (const { row, draft, failure } of drafts) {
      if (!draft) {
        decide(
          { line: row.line, action: 'reject', label: labelOf(type, row), reason: failure ?? reason('', '') },
          row,
        );
        continue;
      }
      const earlier = seen.get(draft.key);
      if (earlier) {
        decide(
          {
            line: row.line,
            action: 'skip',
            label: draft.label,
            id: earlier.id,
            reason: reason(`与第 ${earlier.line} 行重复`, `Duplicate of row ${earlier.line}`),
          },
          row,
        );
        continue;
      }
      const match = existing.get(draft.key);
      if (match && 'hidden' in match) {
        decide(
          {
            line: row.line,
            action: 'reject',
            label: draft.label,
            reason: reason(
              '已有同名客户，但不在你的客户名单里',
              'A customer of this name exists but is not one of yours',
            ),
          },
          row,
        );
        continue;
      }
      if (match) {
        seen.set(draft.key, { line: row.line, id: match.id });
        const changes = Object.fromEntries(
          Object.entries(draft.given).filter(([column, value]) => !sameValue(match.row[column], value)),
        );
        if (Object.keys(changes).length === 0) {
          decide(
            {
              line: row.line,
              action: 'skip',
              label: draft.label,
              id: match.id,
              reason: reason('已存在，没有变化', 'Already there, nothing new'),
            },
            row,
          );
          continue;
        }
        if (!dryRun) {
          const version = Number(match.row.version);
          const updated = await db
            .updateTable(TABLES[type])
            .set({ ...changes, updated_at: now, version: version + 1 } as never)
            .where('workspace_id', '=', principal.workspaceId)
            .where('id', '=', match.id)
            .where('version', '=', version)
            .returningAll()
            .executeTakeFirst();
          if (!updated) {
            decide(
              {
                line: row.line,
                action: 'reject',
                label: draft.label,
                reason: reason(
                  '这条记录刚被别人修改，请重新导入',
                  'Someone changed this record meanwhile: import again',
                ),
              },
              row,
            );
            continue;
          }
          if (type === 'customers' && match.row.status !== (updated as { status?: unknown }).status) {
            stageChanges.push({
              customerId: match.id,
              from: match.row.status as CustomerStatus,
              to: (updated as { status: CustomerStatus }).status,
            });
          }
          if (type === 'visits')
            visitedCustomers.add(String((updated as { customer_id: unknown }).customer_id));
          audits.push({
            entity: ENTITY[type],
            entityId: match.id,
            action: 'update',
            before: view(type, match.row),
            after: view(type, updated as Record<string, unknown>),
          });
        }
        decide({ line: row.line, action: 'update', label: draft.label, id: match.id }, row);
        continue;
      }
      const id = deps.newId();
      seen.set(draft.key, { line: row.line, id });
      const insert = {
        ...draft.insert,
        id,
        workspace_id: principal.workspaceId,
        created_at: now,
        updated_at: now,
      };
      inserts.push(insert);
      if (type === 'customers') keys.push({ key: draft.key, id });
      audits.push({
        entity: ENTITY[type],
        entityId: id,
        action: 'create',
        after: view(type, { ...insert, version: 1 }),
      });
      decide({ line: row.line, action: 'create', label: draft.label, id }, row);
    }
    if (dryRun) return;
    for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
      await db
        .insertInto(TABLES[type])
        .values(inserts.slice(i, i + INSERT_CHUNK) as never)
        .execute();
    }
    // The method's bookkeeping, as the record use cases keep it: a new customer's first
    // stage, a changed status in the stage history, and meeting numbers of visited customers.
    if (type === 'customers') {
      for (const insert of inserts as { id: string; status: CustomerStatus }[]) {
        stageChanges.push({ customerId: insert.id, from: null, to: insert.status });
      }
      for (const change of stageChanges) {
        await recordStageChange(db, deps, principal, { ...change, overrideReason: null });
      }
    }
    if (type === 'visits') {
      const customers = new Set([
        ...(inserts as { customer_id: string }[]).map((v) => v.customer_id),
        ...visitedCustomers,
      ]);
      for (const customerId of [...customers].sort()) {
        await lockMeetings(db, principal.workspaceId, customerId);
        await renumberMeetings(db, principal.workspaceId, customerId);
      }
    }
    if (keys.length > 0) {
      // A key left behind by a deleted customer is replaced by the new record's.
      await db
        .deleteFrom('import_keys')
        .where('workspace_id', '=', principal.workspaceId)
        .where('entity', '=', 'customer')
        .where(
          'key',
          'in',
          keys.map((k) => k.key),
        )
        .execute();
      for (let i = 0; i < keys.length; i += INSERT_CHUNK) {
        await db
          .insertInto('import_keys')
          .values(
            keys.slice(i, i + INSERT_CHUNK).map((k) => ({
              workspace_id: principal.workspaceId,
              entity: 'customer' as const,
              key: k.key,
              record_id: k.id,
              created_at: now,
            })),
          )
          .execute();
      }
    }
    for (let i = 0; i < audits.length; i += INSERT_CHUNK) {
      await db
        .insertInto('audit_log')
        .values(
          audits.slice(i, i + INSERT_CHUNK).map((a) => ({
            id: deps.newId(),
            workspace_id: principal.workspaceId,
            actor_id: principal.userId,
            entity: a.entity,
            entity_id: a.entityId,
            action: a.action,
            before: a.before === undefined ? null : JSON.stringify(a.before),
            after: JSON.stringify(a.after),
            at: now,
          })),
        )
        .execute();
    }
  };
  if (dryRun) await run(deps.db);
  else await deps.db.transaction().execute(run);
}

/** Rows per INSERT statement: well below SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 200;

const TABLES = { customers: 'customers', contacts: 'contacts', deals: 'deals', visits: 'visits' } as const;
const ENTITY = { customers: 'customer', contacts: 'contact', deals: 'deal', visits: 'visit' } as const;

/** The audit view of a stored row (the API's shape, as the CRUD use cases record it). */
function view(type: ImportType, row: Record<string, unknown>): unknown {
  const r = row as never;
  if (type === 'customers') return toCustomer(r);
  if (type === 'contacts') return toContact(r);
  if (type === 'deals') return toDeal(r, []);
  return toVisit(r);
}

function sameValue(stored: unknown, value: unknown): boolean {
  if (typeof value === 'number') return Number(stored) === value;
  return stored === value;
}

function labelOf(type: ImportType, row: MappedRow): string {
  const main = cellText(type === 'customers' ? row.get('name') : row.get('customer'));
  if (type === 'contacts') return [main, cellText(row.get('name'))].filter(Boolean).join(' / ');
  return main;
}

/** Reads one row into a draft, or the reason it is rejected. */
function draftRow(
  deps: Deps,
  principal: Principal,
  type: ImportType,
  row: MappedRow,
  lookups: Lookups,
  customer: Parsed<string> | undefined,
): { draft: Draft | null; failure: Reason | null } {
  const r = new RowReader();
  const fail = (failure: Reason) => ({ draft: null, failure });
  void deps;
  if (type === 'customers') {
    const marketName = nonEmpty(row.get('market'));
    let marketId: string | null = null;
    if (marketName) {
      marketId = lookups.markets.get(normaliseText(marketName)) ?? null;
      if (!marketId)
        return fail(reason(`没有市场“${marketName}”`, `No market "${marketName}" in this workspace`));
    }
    const owner = r.take(resolveMember(row.get('owner'), lookups));
    const cls = r.take(parseClass(row.get('class')));
    const status = r.take(parseStatus(row.get('status')));
    if (r.failure) return fail(r.failure);
    const isAssistant = principal.role === 'assistant';
    const input = {
      name: cellText(row.get('name')),
      company: nonEmpty(row.get('company')),
      marketId,
      city: nonEmpty(row.get('city')),
      class: cls ?? undefined,
      status: status ?? undefined,
      ownerId: owner ?? (isAssistant ? principal.worksFor : principal.membershipId),
      assistantId: isAssistant ? principal.membershipId : null,
      source: nonEmpty(row.get('source')),
      tags: parseList(row.get('tags')),
      notes: nonEmpty(row.get('notes')),
    };
    const parsed = createCustomerInput.safeParse(input, { reportInput: true });
    if (!parsed.success) return fail(schemaReason(parsed.error.issues, 'customers'));
    const b = parsed.data;
    const columns = {
      name: b.name,
      company: b.company ?? null,
      market_id: b.marketId ?? null,
      city: b.city ?? null,
      class: b.class ?? 'new',
      status: b.status ?? 'lead',
      owner_id: b.ownerId ?? null,
      assistant_id: b.assistantId ?? null,
      source: b.source ?? null,
      tags: JSON.stringify(b.tags ?? []),
      notes: b.notes ?? null,
    };
    return {
      draft: {
        row,
        label: b.name,
        key: customerKey(b.name, b.company),
        insert: columns,
        given: given({
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
      failure: null,
    };
  }
  if (!customer?.ok) return fail(customer?.reason ?? reason('缺少客户名称', 'The customer name is missing'));
  const customerId = customer.value;
  if (type === 'contacts') {
    const role = r.take(parseContactRole(row.get('role')));
    if (r.failure) return fail(r.failure);
    const fullName =
      nonEmpty(row.get('name')) ??
      [nonEmpty(row.get('lastName')), nonEmpty(row.get('firstName'))].filter(Boolean).join(' ');
    const parsed = createContactInput.safeParse(
      {
        customerId,
        name: fullName,
        title: nonEmpty(row.get('title')),
        phone: nonEmpty(row.get('phone')),
        email: nonEmpty(row.get('email')),
        role,
      },
      { reportInput: true },
    );
    if (!parsed.success) return fail(schemaReason(parsed.error.issues, 'contacts'));
    const b = parsed.data;
    const columns = {
      customer_id: customerId,
      name: b.name,
      title: b.title ?? null,
      phone: b.phone ?? null,
      email: b.email ?? null,
      role: b.role ?? null,
    };
    return {
      draft: {
        row,
        label: `${cellText(row.get('customer'))} / ${b.name}`,
        key: contactKey(customerId, b.name, b.phone),
        insert: columns,
        given: given({ title: columns.title, email: columns.email, role: columns.role }),
      },
      failure: null,
    };
  }
  if (type === 'deals') {
    const amount = r.take(parseAmountCell(row.get('amount')));
    const funds = r.take(parseAmountCell(row.get('fundsReceived')));
    const signedOn = r.take(parseDateCell(row.get('signedOn')));
    const expected = r.take(parseDateCell(row.get('expectedFundsOn')));
    const owner = r.take(resolveMember(row.get('owner'), lookups));
    if (r.failure) return fail(r.failure);
    if (amount === null) return fail(reason('缺少金额', 'The amount is missing'));
    const currency = nonEmpty(row.get('currency'))
      ?.toUpperCase()
      .replace(/^RMB$/, 'CNY')
      .replace(/^人民币$/, 'CNY');
    const parsed = createDealInput.safeParse(
      {
        customerId,
        ownerId: owner ?? principal.membershipId,
        amountMinor: amount,
        currency: currency ?? lookups.currency,
        signedOn,
        expectedFundsOn: expected,
        fundsReceivedMinor: funds ?? 0,
        notes: nonEmpty(row.get('notes')),
      },
      { reportInput: true },
    );
    if (!parsed.success) return fail(schemaReason(parsed.error.issues, 'deals'));
    const b = parsed.data;
    const columns = {
      customer_id: customerId,
      owner_id: b.ownerId ?? null,
      amount_minor: b.amountMinor,
      currency: b.currency ?? lookups.currency,
      signed_on: b.signedOn ?? null,
      expected_funds_on: b.expectedFundsOn ?? null,
      funds_received_minor: b.fundsReceivedMinor ?? 0,
      notes: b.notes ?? null,
    };
    return {
      draft: {
        row,
        label: cellText(row.get('customer')),
        key: dealKey(customerId, columns.signed_on, columns.amount_minor),
        insert: columns,
        given: given({
          owner_id: owner,
          expected_funds_on: expected,
          funds_received_minor: funds,
          notes: columns.notes,
        }),
      },
      failure: null,
    };
  }
  const visitOn = r.take(parseDateCell(row.get('visitOn')));
  const owner = r.take(resolveMember(row.get('owner'), lookups));
  if (r.failure) return fail(r.failure);
  if (visitOn === null) return fail(reason('缺少拜访日期', 'The visit date is missing'));
  const attendees = parseList(row.get('attendees'));
  const parsed = createVisitInput.safeParse(
    {
      customerId,
      visitOn,
      ownerId: owner ?? principal.membershipId,
      attendees,
      purpose: nonEmpty(row.get('purpose')),
      outcome: nonEmpty(row.get('outcome')),
      notes: nonEmpty(row.get('notes')),
      nextStep: nonEmpty(row.get('nextStep')),
    },
    { reportInput: true },
  );
  if (!parsed.success) return fail(schemaReason(parsed.error.issues, 'visits'));
  const b = parsed.data;
  const columns = {
    customer_id: customerId,
    owner_id: b.ownerId ?? null,
    visit_on: b.visitOn,
    attendees: JSON.stringify(b.attendees ?? []),
    purpose: b.purpose ?? null,
    outcome: b.outcome ?? null,
    notes: b.notes ?? null,
    next_step: b.nextStep ?? null,
  };
  return {
    draft: {
      row,
      label: cellText(row.get('customer')),
      key: visitKey(customerId, b.visitOn, columns.owner_id),
      insert: columns,
      given: given({
        attendees: attendees.length > 0 ? columns.attendees : undefined,
        purpose: columns.purpose,
        outcome: columns.outcome,
        notes: columns.notes,
        next_step: columns.next_step,
      }),
    },
    failure: null,
  };
}

type Existing = Map<string, { id: string; row: Record<string, unknown> } | { hidden: true }>;

/**
 * The stored records with the drafts' natural keys. Customers: by import fingerprint, then
 * by name among the visible ones (so records typed in by hand are found too); a fingerprint
 * of a customer the caller cannot see is reported as hidden. Contacts, deals and visits: the
 * records of the batch's customers, keyed the same way.
 */
async function findExisting(
  db: Kysely<Schema>,
  principal: Principal,
  type: ImportType,
  drafts: readonly Draft[],
): Promise<Existing> {
  const out: Existing = new Map();
  if (drafts.length === 0) return out;
  if (type === 'customers') {
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
      if (row) out.set(k.key, { id: row.id, row });
      else if (stored.has(k.record_id)) out.set(k.key, { hidden: true });
    }
    const names = [...new Set(drafts.map((d) => String(d.insert.name)))];
    const byName = await visibleCustomers(db, principal)
      .selectAll('customers')
      .where('customers.name', 'in', names)
      .orderBy('customers.created_at')
      .execute();
    for (const c of byName) {
      const key = customerKey(c.name, c.company);
      if (!out.has(key)) out.set(key, { id: c.id, row: c });
    }
    return out;
  }
  const customerIds = [...new Set(drafts.map((d) => String(d.insert.customer_id)))];
  const rows = (await db
    .selectFrom(TABLES[type])
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', 'in', customerIds)
    .orderBy('created_at')
    .execute()) as Record<string, unknown>[];
  for (const row of rows) {
    const customerId = String(row.customer_id);
    const key =
      type === 'contacts'
        ? contactKey(customerId, String(row.name), (row.phone as string | null) ?? null)
        : type === 'deals'
          ? dealKey(customerId, (row.signed_on as string | null) ?? null, Number(row.amount_minor))
          : visitKey(customerId, String(row.visit_on), (row.owner_id as string | null) ?? null);
    if (!out.has(key)) out.set(key, { id: String(row.id), row });
  }
  return out;
}
