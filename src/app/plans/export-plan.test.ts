import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { ARTICLE_MARKETS } from '../../../test/harness/plan-settings.js';
import { AppError } from '../../domain/errors.js';
import type { PlanResult } from '../../domain/plan/plan.js';
import { chinaHolidayData } from '../holiday-data.js';
import { computePlan } from './compute-plan.js';
import { neutraliseCell, writePlanCsv, writePlanXlsx } from './export-plan.js';

const NOW = new Date('2026-03-02T02:00:00Z');
const TARGET_FEN = 588_000_000;

function planWith(markets: readonly { name: string; share: number }[]): PlanResult {
  return computePlan(
    {
      target: '588万',
      year: 2026,
      markets,
      members: [
        { name: '=cmd|evil', weight: 1 },
        { name: '王磊', weight: 1 },
      ],
    },
    { holidays: chinaHolidayData(), now: NOW },
  );
}

const MARKETS = ARTICLE_MARKETS;

let tmp: string;
let plan: PlanResult;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'closer-export-'));
  plan = planWith(MARKETS);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** A fresh, existing, empty folder under the test's temp dir. */
function freshDir(name: string): string {
  const dir = path.join(tmp, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

function tempLeftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.tmp-'));
}

/** Sums amounts in fen, rounding each cell so float noise of /100 cannot accumulate. */
function sumFen(values: readonly unknown[]): number {
  return values.reduce<number>((sum, v) => sum + Math.round(Number(v) * 100), 0);
}

const ZH_SHEETS = ['概要', '季度', '月度', '周', '日', '市场', '漏斗'];
const EN_SHEETS = ['Summary', 'Quarters', 'Months', 'Weeks', 'Days', 'Markets', 'Funnel'];

describe('neutraliseCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['  +86 123', "'  +86 123"],
    ['-5', "'-5"],
    ['@SUM', "'@SUM"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['\u3000=1', "'\u3000=1"],
    ['normal', 'normal'],
    ['王磊', '王磊'],
    ['a=b', 'a=b'],
    ['2026-01-01', '2026-01-01'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });
});

describe('writePlanXlsx', () => {
  let file: string;
  let workbook: ExcelJS.Workbook;
  let sheetjs: XLSX.WorkBook;

  beforeAll(async () => {
    file = path.join(freshDir('xlsx'), 'plan.xlsx');
    await writePlanXlsx(plan, 'zh', file);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    sheetjs = XLSX.read(readFileSync(file));
  });

  /** Data rows of a worksheet as arrays (index 0 = column A), via exceljs. */
  function rows(title: string): unknown[][] {
    const sheet = workbook.getWorksheet(title);
    if (!sheet) throw new Error(`no sheet ${title}`);
    const out: unknown[][] = [];
    sheet.eachRow((row, r) => {
      if (r === 1) return;
      out.push((row.values as unknown[]).slice(1));
    });
    return out;
  }

  function headers(title: string): string[] {
    const sheet = workbook.getWorksheet(title);
    if (!sheet) throw new Error(`no sheet ${title}`);
    return (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  }

  it('has one worksheet per table, in order, named by the zh titles', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(ZH_SHEETS);
    expect(sheetjs.SheetNames).toEqual(ZH_SHEETS);
    expect(workbook.creator).toBe('Closer');
    expect(readdirSync(path.dirname(file))).toEqual(['plan.xlsx']);
  });

  it('writes English titles for lang en', async () => {
    const enFile = path.join(path.dirname(file), 'plan-en.xlsx');
    await writePlanXlsx(plan, 'en', enFile);
    const en = XLSX.read(readFileSync(enFile));
    expect(en.SheetNames).toEqual(EN_SHEETS);
    expect(
      XLSX.utils.sheet_to_json<unknown[]>(en.Sheets.Months as XLSX.WorkSheet, { header: 1 })[0],
    ).toContain('Amount');
  });

  it('has a bold, frozen, filterable header row on every sheet', () => {
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      for (const column of sheet.columns) expect(column.width).toBeGreaterThanOrEqual(10);
    }
  });

  it('writes month amounts as numbers in yuan that add up to the target', () => {
    const col = headers('月度').indexOf('金额');
    const months = rows('月度');
    expect(months).toHaveLength(12);
    const amounts = months.map((r) => r[col]);
    for (const a of amounts) expect(typeof a).toBe('number');
    expect(sumFen(amounts)).toBe(TARGET_FEN);
    const cell = workbook
      .getWorksheet('月度')
      ?.getRow(2)
      .getCell(col + 1);
    expect(cell?.numFmt).toBe('#,##0.00');
    expect(workbook.getWorksheet('月度')?.getRow(2).getCell(2).numFmt).toBe('0');
  });

  it('has 365 days whose amounts add up to the target, with 0 on Spring Festival', () => {
    const col = headers('日').indexOf('金额');
    const days = rows('日');
    expect(days).toHaveLength(365);
    expect(sumFen(days.map((r) => r[col]))).toBe(TARGET_FEN);
    const springFestival = days.find((r) => r[0] === '2026-02-17');
    expect(springFestival?.[col]).toBe(0);
  });

  it('shows the market split in yuan with shares as fractions formatted as percent', () => {
    const h = headers('市场');
    const markets = rows('市场');
    expect(markets.map((r) => r[0])).toEqual(MARKETS.map((m) => m.name));
    expect(markets.map((r) => r[h.indexOf('金额')])).toEqual([2_940_000, 2_352_000, 588_000]);
    expect(markets.map((r) => r[h.indexOf('占比')])).toEqual([0.5, 0.4, 0.1]);
    expect(
      workbook
        .getWorksheet('市场')
        ?.getRow(2)
        .getCell(h.indexOf('占比') + 1).numFmt,
    ).toBe('0.0%');
  });

  /** A worksheet as SheetJS reads it: an array of rows, the header first. */
  function sheetjsRows(title: string): unknown[][] {
    const sheet = sheetjs.Sheets[title];
    if (!sheet) throw new Error(`no sheet ${title}`);
    return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
  }

  it('reads the same numbers back with SheetJS', () => {
    const [monthHeader = [], ...months] = sheetjsRows('月度');
    const col = monthHeader.indexOf('金额');
    expect(sumFen(months.map((r) => r[col]))).toBe(TARGET_FEN);
    const [marketHeader = [], ...markets] = sheetjsRows('市场');
    const amount = marketHeader.indexOf('金额');
    expect(markets.map((r) => r[amount])).toEqual([2_940_000, 2_352_000, 588_000]);
  });

  it('neutralises a member name that starts with "=" and contains no formula anywhere', () => {
    expect(headers('月度')).toContain("'=cmd|evil");
    expect(headers('月度')).toContain('王磊');

    let exceljsCells = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          exceljsCells++;
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(neutraliseCell(cell.value)).toBe(cell.value);
        });
      });
    }
    expect(exceljsCells).toBeGreaterThan(365);

    let sheetjsCells = 0;
    for (const name of sheetjs.SheetNames) {
      const sheet = sheetjs.Sheets[name] as XLSX.WorkSheet;
      for (const [ref, cell] of Object.entries(sheet)) {
        if (ref.startsWith('!')) continue;
        sheetjsCells++;
        expect((cell as XLSX.CellObject).f).toBeUndefined();
      }
    }
    expect(sheetjsCells).toBe(exceljsCells);
  });

  it('replaces an existing file', async () => {
    const target = path.join(freshDir('xlsx-replace'), 'plan.xlsx');
    writeFileSync(target, 'old');
    await writePlanXlsx(plan, 'en', target);
    expect(XLSX.read(readFileSync(target)).SheetNames).toEqual(EN_SHEETS);
    expect(tempLeftovers(path.dirname(target))).toEqual([]);
  });
});

describe('writePlanCsv', () => {
  const FILES = ['summary', 'quarters', 'months', 'weeks', 'days', 'markets', 'funnel'].map(
    (k) => `${k}.csv`,
  );

  function read(file: string): string[][] {
    return parse(readFileSync(file), { bom: true }) as string[][];
  }

  it('writes one UTF-8 BOM, CRLF file per table and returns their paths', async () => {
    const dir = path.join(freshDir('csv-zh'), 'nested', 'out');
    const written = await writePlanCsv(plan, 'zh', dir);
    expect(written).toEqual(FILES.map((f) => path.join(dir, f)));
    expect(readdirSync(dir).sort()).toEqual([...FILES].sort());
    for (const file of written) {
      const bytes = readFileSync(file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text.endsWith('\r\n')).toBe(true);
      // Every LF belongs to a CRLF (no field here contains a line break).
      expect(text.split('\n').length).toBe(text.split('\r\n').length);
    }
  });

  it('writes months whose amounts add up to exactly 5880000.00, with Chinese headers', async () => {
    const dir = freshDir('csv-months');
    await writePlanCsv(plan, 'zh', dir);
    const [header = [], ...months] = read(path.join(dir, 'months.csv'));
    expect(header.slice(0, 4)).toEqual(['月', '工作日', '见客户日数', '金额']);
    expect(header).toContain("'=cmd|evil");
    const col = header.indexOf('金额');
    const amounts = months.map((r) => r[col] ?? '');
    for (const a of amounts) expect(a).toMatch(/^\d+\.\d\d$/);
    const fen = amounts.reduce((sum, a) => sum + Number(a.replace('.', '')), 0);
    expect(fen).toBe(TARGET_FEN);
    expect(`${(fen - (fen % 100)) / 100}.${String(fen % 100).padStart(2, '0')}`).toBe('5880000.00');
  });

  it('writes days, markets and percentages the way a salesperson reads them', async () => {
    const dir = freshDir('csv-days');
    await writePlanCsv(plan, 'zh', dir);
    const [dayHeader = [], ...days] = read(path.join(dir, 'days.csv'));
    expect(days).toHaveLength(365);
    const col = dayHeader.indexOf('金额');
    expect(days.find((r) => r[0] === '2026-02-17')?.[col]).toBe('0.00');

    const [marketHeader = [], ...markets] = read(path.join(dir, 'markets.csv'));
    expect(marketHeader).toEqual(['市场', '城市', '占比', '金额', '每场邀请']);
    expect(markets.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['杭州主城+萧山', '50%', '2940000.00'],
      ['富阳/桐庐/临安', '40%', '2352000.00'],
      ['海外', '10%', '588000.00'],
    ]);
  });

  it('writes English headers for lang en and keeps a comma in a market name', async () => {
    const commaPlan = planWith([
      { name: 'Hangzhou, main', share: 87.5 },
      { name: 'Overseas', share: 12.5 },
    ]);
    const dir = freshDir('csv-en');
    await writePlanCsv(commaPlan, 'en', dir);
    const raw = readFileSync(path.join(dir, 'markets.csv'), 'utf8');
    expect(raw).toContain('"Hangzhou, main"');
    const [header = [], ...markets] = read(path.join(dir, 'markets.csv'));
    expect(header.slice(0, 4)).toEqual(['Market', 'Cities', 'Share', 'Amount']);
    expect(markets.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['Hangzhou, main', '87.5%', '5145000.00'],
      ['Overseas', '12.5%', '735000.00'],
    ]);
    const [monthHeader = []] = read(path.join(dir, 'months.csv'));
    expect(monthHeader.slice(0, 4)).toEqual(['Month', 'Working days', 'Field days', 'Amount']);
    expect(monthHeader).toContain('Hangzhou, main');
    expect(read(path.join(dir, 'summary.csv'))[0]).toEqual(['Item', 'Value']);
  });

  it('writes empty fields for missing values and no field that starts like a formula', async () => {
    const dir = freshDir('csv-funnel');
    const written = await writePlanCsv(plan, 'zh', dir);
    const funnel = read(path.join(dir, 'funnel.csv'));
    expect(funnel.slice(1).some((r) => r.includes(''))).toBe(true);
    for (const file of written) {
      for (const row of read(file)) for (const field of row) expect(neutraliseCell(field)).toBe(field);
    }
  });
});

describe('write failures', () => {
  it('rejects with FILE.UNWRITABLE when the folder of the xlsx is a file, leaving no temp file', async () => {
    const dir = freshDir('blocked-xlsx');
    const blocker = path.join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    const target = path.join(blocker, 'plan.xlsx');
    const error = await writePlanXlsx(plan, 'zh', target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'FILE.UNWRITABLE', details: { path: target } });
    expect((error as AppError).details.reason).toEqual(expect.any(String));
    expect(tempLeftovers(dir)).toEqual([]);
    expect(readFileSync(blocker, 'utf8')).toBe('x');
  });

  it('rejects with FILE.UNWRITABLE when the csv folder is a file, leaving no temp file', async () => {
    const dir = freshDir('blocked-csv');
    const blocker = path.join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    for (const target of [blocker, path.join(blocker, 'csv')]) {
      await expect(writePlanCsv(plan, 'zh', target)).rejects.toMatchObject({
        code: 'FILE.UNWRITABLE',
        details: { path: target },
      });
    }
    expect(tempLeftovers(dir)).toEqual([]);
  });

  it('removes the temp file when the final rename fails', async () => {
    const dir = freshDir('blocked-rename');
    // The target is an existing folder: the temp file is written, the rename onto it fails.
    const target = path.join(dir, 'plan.xlsx');
    mkdirSync(target);
    await expect(writePlanXlsx(plan, 'zh', target)).rejects.toMatchObject({ code: 'FILE.UNWRITABLE' });
    expect(tempLeftovers(dir)).toEqual([]);
    expect(existsSync(target)).toBe(true);
  });

  it('leaves no temp file behind when one csv cannot be renamed into place', async () => {
    const dir = freshDir('blocked-one-csv');
    // days.csv is a folder: every temp file is written, then the rename onto days.csv fails.
    mkdirSync(path.join(dir, 'days.csv'));
    await expect(writePlanCsv(plan, 'zh', dir)).rejects.toMatchObject({
      code: 'FILE.UNWRITABLE',
      details: { path: path.join(dir, 'days.csv') },
    });
    expect(tempLeftovers(dir)).toEqual([]);
    // Tables before it were already renamed: each file is whole, but the set is not all-or-nothing.
    expect(readdirSync(dir).sort()).toEqual([
      'days.csv',
      'months.csv',
      'quarters.csv',
      'summary.csv',
      'weeks.csv',
    ]);
  });
});
