/**
 * Writes one table as CSV or xlsx to a stream, row by row: exports and error files of any
 * length never sit in memory. CSV is UTF-8 with BOM (so Excel in China opens it right) and
 * CRLF; xlsx comes from exceljs's streaming writer with a bold, frozen header. Every text
 * cell is neutralised against formula injection.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { exactYuan } from '../../domain/format-amount.js';
import { csvField } from '../../domain/import/csv.js';
import { neutraliseCell } from '../../domain/import/neutralise.js';

/** How a column's cells are written. `amount` cells are minor units, shown in yuan. */
export interface TableColumn {
  readonly header: string;
  readonly type: 'text' | 'amount';
}

/** A cell: text, minor units (amount columns) or empty. */
export type TableCell = string | number | null;

/** Formats of exports and error files. */
export type ExportFormat = 'csv' | 'xlsx';

const BOM = '\ufeff';
const CRLF = '\r\n';

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * Writes `rows` under `columns` to `out` and ends it.
 *
 * @param out Where the bytes go (a file, an HTTP response).
 * @param sheetName The worksheet's name (xlsx).
 */
export async function writeTable(
  out: Writable,
  format: ExportFormat,
  sheetName: string,
  columns: readonly TableColumn[],
  rows: AsyncIterable<readonly TableCell[]> | Iterable<readonly TableCell[]>,
): Promise<void> {
  if (format === 'csv') {
    await write(out, BOM + columns.map((c) => csvField(neutraliseCell(c.header))).join(',') + CRLF);
    for await (const row of rows) {
      const cells = columns.map((column, i) => {
        const value = row[i] ?? null;
        if (value === null) return '';
        if (column.type === 'amount' && typeof value === 'number') return exactYuan(value);
        return csvField(neutraliseCell(String(value)));
      });
      await write(out, cells.join(',') + CRLF);
    }
    out.end();
    await once(out, 'finish');
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Closer';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: neutraliseCell(c.header),
    width: c.type === 'amount' ? 16 : 20,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const row of rows) {
    const sheetRow = sheet.addRow([]);
    columns.forEach((column, i) => {
      const value = row[i] ?? null;
      if (value === null) return;
      const cell = sheetRow.getCell(i + 1);
      if (column.type === 'amount' && typeof value === 'number') {
        // Minor units / 100 is the double nearest the exact yuan amount, so Excel shows it exactly.
        cell.value = value / 100;
        cell.numFmt = '#,##0.00';
      } else {
        cell.value = neutraliseCell(String(value));
      }
    });
    sheetRow.commit();
  }
  sheet.commit();
  await workbook.commit();
}
