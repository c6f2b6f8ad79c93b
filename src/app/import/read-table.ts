/**
 * Reads an import file as a stream of rows, never holding the whole file: CSV in UTF-8
 * (with or without BOM) or GB18030/GBK (what Excel in China writes), and the first
 * worksheet of an .xlsx workbook through exceljs's streaming reader.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TextDecoder } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CsvReader } from '../../domain/import/csv.js';
import type { Cell } from '../../domain/import/values.js';

/** File formats that can be imported. */
export type TableFormat = 'csv' | 'xlsx';

/** One row of the file: its 1-based line (CSV record / worksheet row) and its cells. */
export interface TableRow {
  readonly line: number;
  readonly cells: readonly Cell[];
}

/** How many bytes decide the encoding: a BOM, or whether they are valid UTF-8. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Picks the encoding from the first bytes: a UTF-8 BOM → UTF-8; bytes that are valid
 * UTF-8 (a character cut at the end of the sample is fine) → UTF-8; else GB18030, the
 * superset of GBK. Only the sample is checked, so a file that turns into GBK after 64 KB
 * of pure ASCII is read as UTF-8 — its later bytes then show as U+FFFD, never silently
 * as other characters, and the rows say so.
 */
export function sniffEncoding(sample: Uint8Array): 'utf-8' | 'gb18030' {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  try {
    // stream: true tolerates a multi-byte character cut off at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Decodes a byte stream to text, choosing the encoding from its start. */
async function* decodeStream(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let head: Uint8Array[] = [];
  let headLength = 0;
  let decoder: TextDecoder | null = null;
  for await (const chunk of source) {
    if (decoder) {
      yield decoder.decode(chunk, { stream: true });
      continue;
    }
    head.push(chunk);
    headLength += chunk.length;
    if (headLength >= SNIFF_BYTES) {
      const sample = Buffer.concat(head);
      head = [];
      decoder = new TextDecoder(sniffEncoding(sample));
      yield decoder.decode(sample, { stream: true });
    }
  }
  if (!decoder) {
    const sample = Buffer.concat(head);
    decoder = new TextDecoder(sniffEncoding(sample));
    yield decoder.decode(sample, { stream: true });
  }
  yield decoder.decode();
}

async function* readCsv(source: AsyncIterable<Uint8Array>): AsyncGenerator<TableRow> {
  const reader = new CsvReader();
  let line = 0;
  for await (const text of decodeStream(source)) {
    for (const record of reader.push(text)) {
      line += 1;
      yield { line, cells: record };
    }
  }
  for (const record of reader.end()) {
    line += 1;
    yield { line, cells: record };
  }
}

/** An exceljs cell value → text, number or date (formulas give their cached result). */
function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return xlsxCell(v.result);
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

/** Parts the streaming reader must see before any worksheet. */
const FIRST_PARTS = [
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];
const EMPTY_SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

/**
 * Rewrites the workbook at `from` to `to` with the workbook, its relations, the shared
 * strings (an empty table when the file has none) and the styles first. exceljs's streaming
 * reader parks a worksheet that comes before them in a temporary file and then, racing
 * with the zip stream, sometimes loses the parts after it (Excel and SheetJS both put
 * sharedStrings or workbook.xml after the sheets). In this order it parses every sheet
 * directly. Parts are streamed (stored, not recompressed); only the compressed file
 * (≤ the upload limit) is held in memory.
 */
async function reorderWorkbook(from: string, to: string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(from));
  const out = new JSZip();
  for (const name of FIRST_PARTS) {
    const part = zip.file(name);
    if (part) out.file(name, part.nodeStream());
    else if (name === 'xl/sharedStrings.xml') out.file(name, EMPTY_SST);
  }
  zip.forEach((path, part) => {
    if (!FIRST_PARTS.includes(path) && !part.dir) out.file(path, part.nodeStream());
  });
  await pipeline(out.generateNodeStream({ streamFiles: true, compression: 'STORE' }), createWriteStream(to));
}

async function* readXlsx(source: AsyncIterable<Uint8Array>): AsyncGenerator<TableRow> {
  const dir = await mkdtemp(join(tmpdir(), 'closer-import-'));
  const upload = join(dir, 'upload.xlsx');
  const ordered = join(dir, 'ordered.xlsx');
  try {
    await pipeline(Readable.from(source), createWriteStream(upload));
    await reorderWorkbook(upload, ordered);
    await rm(upload);
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(ordered, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Styles tell date cells from numbers, so dates arrive as Date objects.
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        // exceljs rows are 1-based: values[0] is always empty.
        yield { line: row.number, cells: Array.from(values.slice(1), xlsxCell) };
      }
      // Only the first worksheet is imported.
      return;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The rows of a CSV or xlsx byte stream, in file order (blank rows included). */
export function readTable(source: AsyncIterable<Uint8Array>, format: TableFormat): AsyncGenerator<TableRow> {
  return format === 'xlsx' ? readXlsx(source) : readCsv(source);
}

/** The format of a file name (`.xlsx` → xlsx; `.csv`, `.txt` → csv), or null. */
export function formatOfFileName(name: string): TableFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return null;
}
