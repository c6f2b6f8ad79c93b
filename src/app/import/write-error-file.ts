/**
 * The error file of an import: the rejected rows in the file's own columns, plus a column
 * "错误" / "Error" with the reason in the chosen language, in the input's format. The user
 * fixes the rows and imports the file again; the reason column is ignored then.
 */
import type { Writable } from 'node:stream';
import type { Lang } from '../../domain/errors.js';
import { ERROR_COLUMN } from '../../domain/import/fields.js';
import { type ExportFormat, writeTable } from '../export/write-table.js';
import type { RejectedRows } from './import-records.js';

/** Writes the error file of `rejected` to `out` (and ends it). */
export async function writeErrorFile(
  rejected: RejectedRows,
  format: ExportFormat,
  lang: Lang,
  out: Writable,
): Promise<void> {
  const width = Math.max(rejected.headers.length, ...rejected.rows.map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, i) => rejected.headers[i] ?? '');
  const columns = [...headers, ERROR_COLUMN[lang]].map((header) => ({ header, type: 'text' as const }));
  const rows = rejected.rows.map((r) => [
    ...Array.from({ length: width }, (_, i) => r.cells[i] ?? null),
    r.reason[lang],
  ]);
  await writeTable(out, format, lang === 'zh' ? '错误' : 'Errors', columns, rows);
}
