import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, csvField, sniffDelimiter } from './csv.js';
import { neutraliseCell, restoreCell } from './neutralise.js';

function readAll(text: string, pieces: number[]): string[][] {
  const reader = new CsvReader();
  const out: string[][] = [];
  let at = 0;
  for (const size of pieces) {
    out.push(...reader.push(text.slice(at, at + size)));
    at += size;
  }
  out.push(...reader.push(text.slice(at)));
  out.push(...reader.end());
  return out;
}

describe('CsvReader', () => {
  it('reads quotes, doubled quotes, line breaks in fields and every line ending', () => {
    expect(readAll('a,"b,1","say ""hi"""\r\n"x\ny",2,\rlast', [])).toEqual([
      ['a', 'b,1', 'say "hi"'],
      ['x\ny', '2', ''],
      ['last'],
    ]);
  });

  it('detects semicolon and tab delimiters', () => {
    expect(readAll('客户;城市\n杭州织造;杭州\n', [])).toEqual([
      ['客户', '城市'],
      ['杭州织造', '杭州'],
    ]);
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('"a;b",c')).toBe(',');
  });

  it('reads what csvField writes, whatever the chunking (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '杭', ',', '"', '\n', '\r', ' ', '=') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 }),
        (rows, pieces) => {
          const text = `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
          expect(readAll(text, pieces)).toEqual(rows);
        },
      ),
    );
  });
});

describe('neutraliseCell', () => {
  it.each(['=1+1', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx', '  =cmd', '\u3000=1', '\u00a0-1'])(
    'prefixes %j with an apostrophe, and restoreCell undoes it',
    (text) => {
      expect(neutraliseCell(text)).toBe(`'${text}`);
      expect(restoreCell(neutraliseCell(text))).toBe(text);
    },
  );
  it.each(['杭州', '1,200', "'quoted", 'a=b'])('leaves %j alone', (text) => {
    expect(neutraliseCell(text)).toBe(text);
    expect(restoreCell(text)).toBe(text);
  });
});
