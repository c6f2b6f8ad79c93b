/**
 * Plain-text tables for the terminal. Chinese characters take two columns in a terminal,
 * so widths are measured in display columns, not in string length.
 */
import {
  type AmountItem,
  type AmountLang,
  type AmountRounding,
  showAmountColumn,
} from '../domain/format-amount.js';

/** Display width of a string: East Asian wide and full-width characters count as 2. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Column alignment. */
export type Align = 'left' | 'right';

/**
 * Renders rows as an aligned table with a header and a rule under it. `align` gives each
 * column's alignment (numbers right, text left); missing entries default to left.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const widths = header.map((h, c) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => {
        const pad = ' '.repeat(Math.max(0, (widths[c] ?? 0) - displayWidth(cell)));
        return align[c] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** A cell holding an amount in minor units, to be shown in its column's one unit. */
export type AmountCell = AmountItem;

/** An amount cell for `showCells`; `up` for amounts a person must reach. */
export function amountCell(amount: number, rounding?: AmountRounding): AmountCell {
  return rounding === undefined ? { amount } : { amount, rounding };
}

/**
 * Turns rows of text and amount cells into text, writing every amount of a column in the
 * same unit (`showAmountColumn`): a column never mixes 万 and plain yuan.
 */
export function showCells(rows: readonly (readonly (string | AmountCell)[])[], lang: AmountLang): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out = rows.map((r) => r.map((cell) => (typeof cell === 'string' ? cell : '')));
  for (let c = 0; c < width; c++) {
    const column = rows.map((r) => {
      const cell = r[c];
      return typeof cell === 'object' ? cell : null;
    });
    showAmountColumn(column, lang).forEach((shown, r) => {
      if (column[r] !== null) (out[r] as string[])[c] = shown;
    });
  }
  return out;
}
