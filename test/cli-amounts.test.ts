/**
 * Amounts in the CLI's human output follow the one display rule (src/domain/format-amount.ts):
 * no table column mixes 万 and plain yuan, and no amount shows fen. Checked on `closer plan`
 * (a round target and an uneven one with markets and members) and on `closer progress`,
 * `closer today` and `closer forecast` over the demo database, in zh and en.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/cli/text-table.js';
import { runCli, withDemo } from './harness/cli.js';

const run = (argv: string[], now = '2026-11-27T02:00:00Z') => runCli(argv, { now });

/** The rule under a table's header: groups of `─`, two spaces apart. */
const RULE = /^─+( {2}─+)*$/;

/**
 * The tables of a text output as columns of cells. A table is a header line followed by a
 * rule of `─` groups; the groups' display widths cut every row into its cells.
 */
function tables(text: string): string[][][] {
  const lines = text.split('\n');
  const found: string[][][] = [];
  for (let i = 1; i < lines.length; i++) {
    const rule = lines[i] as string;
    if (!RULE.test(rule)) continue;
    const widths = rule.split('  ').map((g) => g.length);
    const rows: string[][] = [];
    // Rows run to a blank line, a section mark, or the header of the next table (the line
    // above its rule).
    const isRule = (line: string | undefined) => line !== undefined && RULE.test(line);
    for (
      let r = i + 1;
      r < lines.length &&
      (lines[r] as string).trim() !== '' &&
      !/^[■⚠]/.test(lines[r] as string) &&
      !isRule(lines[r + 1]);
      r++
    ) {
      rows.push(cut(lines[r] as string, widths));
    }
    found.push(widths.map((_, c) => rows.map((row) => row[c] ?? '')));
  }
  return found;
}

/** Cuts a line into cells of the given display widths, two columns apart. */
function cut(line: string, widths: readonly number[]): string[] {
  const cells: string[] = [];
  const chars = [...line];
  let at = 0;
  for (const width of widths) {
    let cell = '';
    let used = 0;
    while (at < chars.length && used < width) {
      const ch = chars[at++] as string;
      cell += ch;
      used += displayWidth(ch);
    }
    cells.push(cell.trim());
    at += 2;
  }
  return cells;
}

/** The unit of an amount cell, or undefined when the cell is no amount (text, %, empty, 0). */
function unitOf(cell: string): string | undefined {
  const match = /^[<>]?-?[\d,]+(?:\.\d+)?(万亿|亿|万)?$/.exec(cell);
  if (!match || cell === '0') return undefined;
  return match[1] ?? 'yuan';
}

/** Checks every column of every table of `text` and the whole text for fen. */
function expectOneUnitPerColumnAndNoFen(text: string): number {
  let amountColumns = 0;
  for (const table of tables(text)) {
    for (const column of table) {
      const units = new Set(column.map(unitOf).filter((u) => u !== undefined));
      expect(
        units.size,
        `a column mixes ${[...units].join(' and ')}: ${column.join(' | ')}`,
      ).toBeLessThanOrEqual(1);
      if (units.has('万') || units.has('亿')) amountColumns++;
      // Plain numbers (yuan, counts) are whole; decimals only before 万/亿.
      for (const cell of column) if (unitOf(cell) === 'yuan') expect(cell).toMatch(/^-?[\d,]+$/);
    }
  }
  // Nowhere in the text a number with two decimals that is not 万/亿 or a percentage.
  expect(text).not.toMatch(/\d\.\d\d(?![\d万亿%])/);
  return amountColumns;
}

describe('closer plan: one unit per column, no fen', () => {
  it.each([
    ['zh', ['plan', '--target', '588万', '--year', '2026', '--date', '2026-03-02']],
    ['en', ['plan', '--target', '588万', '--year', '2026', '--date', '2026-03-02']],
    // The uneven target: Q1 was 1,398,870.97 next to 147万.
    [
      'zh',
      [
        'plan',
        '--year',
        '2013',
        '--markets',
        '杭州主城+萧山:50,富阳/桐庐/临安:40,海外:10',
        '--target',
        '1234567.89',
        '--spread-over',
        'field-days',
        '--date',
        '2013-05-06',
        '--actual',
        '31234.56',
      ],
    ],
    [
      'zh',
      [
        'plan',
        '--year',
        '2026',
        '--target',
        '60万',
        '--members',
        '王磊:6,李娜:3,周新:1',
        '--markets',
        'A:97,B:3',
        '--date',
        '2026-11-27',
      ],
    ],
  ] as const)('%s %j', async (lang, argv) => {
    const { code, stdout, stderr } = await run([...argv, '--lang', lang]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const columns = expectOneUnitPerColumnAndNoFen(stdout);
    if (lang === 'zh') expect(columns).toBeGreaterThan(0);
    else expect(stdout).not.toMatch(/万|亿/);
  });
});

describe('closer progress / today / forecast on the demo: one unit per column, no fen', () => {
  const demo = withDemo('closer-amounts-', '2026-11-27T02:00:00Z');

  it.each([
    ['progress', '--level', 'months'],
    ['progress', '--level', 'weeks'],
    ['progress', '--level', 'months', '--dimension', 'members'],
    ['progress', '--level', 'days', '--dimension', 'markets'],
    ['today'],
    ['today', '--user', 'lead@demo.closer'],
    ['forecast'],
  ])('%s %s %s %s %s', async (...args) => {
    for (const lang of ['zh', 'en'] as const) {
      const { code, stdout, stderr } = await run([...args, '--data-dir', demo.dir, '--lang', lang]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expectOneUnitPerColumnAndNoFen(stdout);
      if (lang === 'en') expect(stdout).not.toMatch(/\d(万|亿)/);
    }
  });
});
