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
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import {
  type ColumnMapping,
  IMPORT_TYPES,
  type ImportType,
  matchHeaders,
  parseMappingSpec,
} from '../../domain/import/fields.js';
import { restoreCell } from '../../domain/import/neutralise.js';
import { type Cell, cellText, type Reason } from '../../domain/import/values.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import type { ImportRun, RowOutcome } from './import-batch.js';
import { loadLookups, type MappedRow, reason } from './import-kind.js';
import { batchHandler } from './kinds/index.js';
import { readTable, type TableFormat, type TableRow } from './read-table.js';

export type { RowOutcome } from './import-batch.js';

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
  const counts: ImportCounts = { rowsRead: 0, created: 0, updated: 0, skipped: 0, rejected: 0 };
  const outcomes: RowOutcome[] = [];
  const rejectedRows: RejectedRows['rows'] = [];
  const decide = (outcome: RowOutcome, row: MappedRow) => {
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

  const handleBatch = batchHandler(opts.type);
  const run: ImportRun = {
    deps,
    principal,
    dryRun: opts.dryRun,
    context: { principal, lookups: await loadLookups(deps.db, principal) },
    seen: new Map(),
    decide,
  };

  let header: { line: number; columns: readonly ColumnMapping[]; headers: string[] } | null = null;
  const pending: TableRow[] = [];
  let batch: MappedRow[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await handleBatch(run, rows);
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

  for await (const row of readFile(source, opts.format, opts.fileName)) {
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
 * The file's rows; a file that cannot be read as `format` is IMPORT.UNSUPPORTED_FILE.
 * Only reading is caught here: a failure while a batch is written (the loop's body) ends
 * the generator without passing through its catch, so it stays what it is.
 */
async function* readFile(
  source: AsyncIterable<Uint8Array>,
  format: TableFormat,
  fileName: string | undefined,
): AsyncGenerator<TableRow> {
  try {
    yield* readTable(source, format);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('IMPORT.UNSUPPORTED_FILE', {
      file: fileName ?? `.${format}`,
      reason: (error as Error).message,
    });
  }
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
