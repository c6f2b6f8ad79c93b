/**
 * Use case: export a computed plan as an Excel workbook (one worksheet per table) or as a
 * folder of CSV files (one file per table). Both are built from `planTables`, so a workbook
 * and a CSV folder of one plan always show the same numbers.
 *
 * Every file is written to a temporary sibling first and renamed into place, so a failed
 * export (disk full, file open in Excel, folder missing) never leaves a half-written file
 * that someone later opens and trusts.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppError, type Lang } from '../../domain/errors.js';
import { exactYuan } from '../../domain/format-amount.js';
import { neutraliseCell } from '../../domain/import/neutralise.js';
import type { PlanResult } from '../../domain/plan/plan.js';
import { type ColumnType, planTables, type Table } from './plan-tables.js';

/** A cell as `planTables` produces it. */
type Cell = Table['rows'][number][number];

/**
 * Neutralises a text cell against formula (CSV) injection (one rule for every export:
 * `src/domain/import/neutralise.ts`), re-exported where the plan export always had it.
 */
export { neutraliseCell };

/** Excel number formats of the numeric column types (amounts are shown in major units). */
const NUM_FMT: Record<Exclude<ColumnType, 'text'>, string> = {
  amount: '#,##0.00',
  int: '0',
  percent: '0.0%',
  decimal: '0.0#',
};

/**
 * Column widths in Excel character units: wide enough for a date, not wider than a screen.
 * (Also above exceljs's default of 9, which it treats as "no width" and does not write.)
 */
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;

/**
 * Writes the plan as an .xlsx workbook: worksheets Summary, Quarters, Months, Weeks, Days,
 * Markets and Funnel (titles in `lang`), each with a bold, frozen, filterable header row.
 * Amounts are real numbers in major units (yuan) with a `#,##0.00` format, so the sheet can
 * sum them; percentages are fractions formatted `0.0%`.
 *
 * @param plan The computed plan.
 * @param lang Language of titles, headers and labels.
 * @param filePath Where to write; an existing file is replaced only once the new one is complete.
 * @throws AppError `FILE.UNWRITABLE` ({ path, reason }) when the file cannot be written.
 */
export async function writePlanXlsx(plan: PlanResult, lang: Lang, filePath: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Closer';
  for (const table of planTables(plan, lang)) addWorksheet(workbook, table);
  // Built fully in memory (a plan is a few hundred rows) so that only complete bytes reach the disk.
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  await commit([{ target: filePath, tmp: await writeTemp(filePath, bytes) }]);
}

function addWorksheet(workbook: ExcelJS.Workbook, table: Table): void {
  const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.getRow(1);
  table.columns.forEach((column, c) => {
    // Headers include market and member names, which are user input.
    header.getCell(c + 1).value = neutraliseCell(column.header);
  });
  header.font = { bold: true };

  table.rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(r + 2);
    table.columns.forEach((column, c) => {
      const value = row[c] ?? null;
      // null stays an empty cell rather than 0: "no data" is not "zero".
      if (value === null) return;
      const cell = sheetRow.getCell(c + 1);
      if (typeof value === 'string' || column.type === 'text') {
        cell.value = neutraliseCell(String(value));
        return;
      }
      // Minor units / 100 is the double nearest to the exact yuan amount, so it displays exactly.
      cell.value = column.type === 'amount' ? value / 100 : value;
      cell.numFmt = NUM_FMT[column.type];
    });
  });

  table.columns.forEach((column, c) => {
    const longest = Math.max(
      displayWidth(column.header),
      ...table.rows.map((row) => displayWidth(displayText(row[c] ?? null, column.type))),
    );
    // +2 leaves room for the filter button of the header.
    sheet.getColumn(c + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: table.rows.length + 1, column: Math.max(1, table.columns.length) },
  };
}

/** Roughly what Excel shows for a cell, to size its column. */
function displayText(value: Cell, type: ColumnType): string {
  if (value === null) return '';
  if (typeof value === 'string') return neutraliseCell(value);
  switch (type) {
    case 'amount':
      return exactYuan(value, true);
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'decimal':
      return formatDecimal(value);
    default:
      return String(value);
  }
}

/** Characters of East Asian scripts take two columns in a spreadsheet cell. */
const WIDE_CHAR =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE_CHAR.test(ch) || (ch.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
  return width;
}

/** File names of the CSV export, by table. */
const CSV_FILES: Record<Table['key'], string> = {
  summary: 'summary.csv',
  quarters: 'quarters.csv',
  months: 'months.csv',
  weeks: 'weeks.csv',
  days: 'days.csv',
  markets: 'markets.csv',
  funnel: 'funnel.csv',
};

/** Excel (notably in China) reads a CSV without a BOM in the local code page and garbles 中文. */
const BOM = '\ufeff';
/** RFC 4180 line break. */
const CRLF = '\r\n';

/**
 * Writes the plan as CSV files in `dir` (created if needed): summary.csv, quarters.csv,
 * months.csv, weeks.csv, days.csv, markets.csv and funnel.csv. UTF-8 with a BOM and CRLF line
 * endings (RFC 4180). Amounts are major units with exactly two decimals (`23709.68`);
 * percentages read `50%` / `12.5%`; empty cells are empty fields. All files are written to
 * temporary names first and renamed only once every one of them is complete.
 *
 * @param plan The computed plan.
 * @param lang Language of headers and labels.
 * @param dir The folder to write into.
 * @returns The paths of the written files, in table order.
 * @throws AppError `FILE.UNWRITABLE` ({ path, reason }) when the folder or a file cannot be written.
 */
export async function writePlanCsv(plan: PlanResult, lang: Lang, dir: string): Promise<string[]> {
  const tables = planTables(plan, lang);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw unwritable(dir, error);
  }
  const written: { target: string; tmp: string }[] = [];
  try {
    for (const table of tables) {
      const target = path.join(dir, CSV_FILES[table.key]);
      written.push({ target, tmp: await writeTemp(target, BOM + tableToCsv(table)) });
    }
  } catch (error) {
    // One table failed: drop the others too, so the folder never mixes old and new files.
    await Promise.all(written.map(({ tmp }) => discard(tmp)));
    throw error;
  }
  await commit(written);
  return written.map(({ target }) => target);
}

/** One table as RFC 4180 CSV text (without BOM), every record ending in CRLF. */
function tableToCsv(table: Table): string {
  const lines = [table.columns.map((column) => csvField(neutraliseCell(column.header))).join(',')];
  for (const row of table.rows) {
    lines.push(table.columns.map((column, c) => csvField(csvCell(row[c] ?? null, column.type))).join(','));
  }
  return lines.join(CRLF) + CRLF;
}

function csvCell(value: Cell, type: ColumnType): string {
  if (value === null) return '';
  if (typeof value === 'string') return neutraliseCell(value);
  switch (type) {
    case 'amount':
      return exactYuan(value);
    case 'int':
      // Same as the xlsx `0` format shows.
      return String(Math.round(value));
    case 'percent':
      return formatPercent(value);
    case 'decimal':
      return formatDecimal(value);
    default:
      return String(value);
  }
}

/** Quotes a field only when it must be (comma, quote, CR, LF), doubling inner quotes. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A fraction of 1 as a percentage with at most two decimals: 0.5 → `50%`, 0.125 → `12.5%`. */
function formatPercent(fraction: number): string {
  return `${trimmedHundredths(Math.round(fraction * 10_000), 0)}%`;
}

/** Like the xlsx `0.0#` format: one or two decimals. */
function formatDecimal(value: number): string {
  return trimmedHundredths(Math.round(value * 100), 1);
}

/** An integer number of hundredths as a decimal with `minDecimals`…2 decimals. */
function trimmedHundredths(hundredths: number, minDecimals: number): string {
  const abs = Math.abs(hundredths);
  const frac = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '')
    .padEnd(minDecimals, '0');
  const whole = String((abs - (abs % 100)) / 100);
  return `${hundredths < 0 ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Distinguishes temp files of concurrent exports to the same path within one process. */
let tempCounter = 0;

/**
 * Writes `data` to a temporary sibling of `target` (same folder, so the later rename is
 * atomic) and flushes it to disk. Returns the temp path; removes it again on failure.
 */
async function writeTemp(target: string, data: string | Uint8Array): Promise<string> {
  tempCounter += 1;
  const tmp = `${target}.tmp-${process.pid}-${tempCounter}`;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      // Without fsync a crash right after the rename can leave an empty file under the real name.
      await handle.sync();
    } finally {
      await handle.close();
    }
    return tmp;
  } catch (error) {
    await discard(tmp);
    throw unwritable(target, error);
  }
}

/** Renames temp files onto their targets; on a failure removes the temps not yet renamed. */
async function commit(files: readonly { target: string; tmp: string }[]): Promise<void> {
  for (const [i, { target, tmp }] of files.entries()) {
    try {
      await rename(tmp, target);
    } catch (error) {
      await Promise.all(files.slice(i).map((f) => discard(f.tmp)));
      throw unwritable(target, error);
    }
  }
}

async function discard(tmp: string): Promise<void> {
  // Best effort: the original error is what the user needs to see.
  await rm(tmp, { force: true }).catch(() => undefined);
}

function unwritable(target: string, error: unknown): AppError {
  return new AppError('FILE.UNWRITABLE', {
    path: target,
    reason: error instanceof Error ? error.message : String(error),
  });
}
