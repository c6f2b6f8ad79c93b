/**
 * Real-world-shaped import files built in the test (no binaries committed): GBK bytes
 * from a reverse table of Node's own GB18030 decoder, xlsx workbooks from SheetJS.
 */
import * as XLSX from 'xlsx';

let table: Map<string, number[]> | null = null;

/** Encodes `text` as GBK (two bytes per Chinese character, ASCII as is). */
export function gbk(text: string): Buffer {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi += 1) {
      for (let lo = 0x40; lo <= 0xfe; lo += 1) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** UTF-8 with a BOM, as Excel's "CSV UTF-8" writes. */
export function utf8Bom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** An xlsx workbook (via SheetJS) from rows of cells; `merges` in A1 notation. */
export function xlsxOf(rows: unknown[][], merges: string[] = [], dateCells: string[] = []): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet(rows, { cellDates: true });
  sheet['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  for (const ref of dateCells) {
    const cell = sheet[ref] as XLSX.CellObject | undefined;
    if (cell) cell.z = 'yyyy-mm-dd';
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '客户');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** A byte source for importRecords, in small chunks so chunk borders get tested. */
export async function* chunks(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
