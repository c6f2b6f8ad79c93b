import { describe, expect, it } from 'vitest';
import { chunks, gbk, utf8Bom } from '../../../test/import/fixtures.js';
import { readTable, sniffEncoding } from './read-table.js';

async function rows(bytes: Uint8Array, chunkSize: number) {
  const out: string[][] = [];
  for await (const row of readTable(chunks(bytes, chunkSize), 'csv')) out.push(row.cells.map(String));
  return out;
}

describe('readTable (csv)', () => {
  // Long enough that the encoding is decided on the first 64 KB only, with Chinese
  // characters cut by chunk borders and by the end of the sample.
  const lines = Array.from({ length: 3000 }, (_, i) => `杭州织造${i},萧山,"备注，含逗号"`);
  const text = `客户名称,城市,备注\r\n${lines.join('\r\n')}\r\n`;

  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', utf8Bom(text)],
    ['GBK', gbk(text)],
  ])('reads %s beyond the 64 KB sample, whatever the chunking', async (_name, bytes) => {
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    for (const size of [1000, 4093]) {
      const read = await rows(bytes, size);
      expect(read).toHaveLength(3001);
      expect(read[0]).toEqual(['客户名称', '城市', '备注']);
      expect(read[2999]).toEqual(['杭州织造2998', '萧山', '备注，含逗号']);
    }
  });

  it('decides the encoding from a BOM, valid UTF-8, else GB18030', () => {
    expect(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0xd6, 0xd0]))).toBe('utf-8');
    expect(sniffEncoding(Buffer.from('杭州', 'utf8'))).toBe('utf-8');
    // A UTF-8 character cut off at the end of the sample is still UTF-8.
    expect(sniffEncoding(Buffer.from('杭州', 'utf8').subarray(0, 4))).toBe('utf-8');
    expect(sniffEncoding(gbk('杭州'))).toBe('gb18030');
  });
});
