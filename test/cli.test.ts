/**
 * The `closer` CLI: in-process through `main` (captured output, injected clock) for the
 * many cases, and through the real `bin/closer.js` process for what only a process shows.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { ROOT, runBin, runCli, words } from './harness/cli.js';

const MARKETS = '杭州主城+萧山:50,富阳/桐庐/临安:40,海外:10';
/** The plan most cases start from: 588万 over 2026. */
const PLAN_2026 = ['plan', '--target', '588万', '--year', '2026'];

const run = (argv: string[], cwd = ROOT) => runCli(argv, { cwd });

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('closer plan --json', () => {
  it('prints months that sum to 588,000,000 fen, 248 working days, February 16, markets 294万/235.2万/58.8万', async () => {
    const { code, stdout, stderr } = await run([...PLAN_2026, '--markets', MARKETS, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(sum(plan.months.map((m: { amount: number }) => m.amount))).toBe(588_000_000);
    expect(plan.calendar.workingDays).toBe(248);
    expect(plan.months[1].workingDays).toBe(16);
    expect(plan.dimensions.markets.map((m: { amount: number }) => m.amount)).toEqual([
      294_000_000, 235_200_000, 58_800_000,
    ]);
    expect(plan.today.date).toBe('2026-03-02');
  });

  it('reads every setting from a YAML plan file, options overriding it', async () => {
    const { code, stdout } = await run(
      words('plan examples/plan-2026.yaml --target 600万 --json --date 2026-03-03'),
    );
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.settings.target).toBe(600_000_000);
    expect(plan.dimensions.members.map((m: { name: string }) => m.name)).toEqual(['王磊', '李娜', '张伟']);
    expect(plan.calendar.workingDays).toBe(248 - 3); // a day off and two days of leave
    expect(plan.funnel.verdict.status).toBe('feasible');
    expect(plan.catchUp.actualToDate).toBe(79_460_000);
  });

  it('reads a JSON plan file, and plans next year while today is outside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'closer-cli-'));
    await writeFile(
      join(dir, 'p.json'),
      JSON.stringify({ target: 1200000, year: 2027, startDate: '2027-07-01' }),
    );
    const { code, stdout } = await run(['plan', 'p.json', '--json'], dir);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.settings.target).toBe(120_000_000);
    expect(sum(plan.months.slice(6).map((m: { amount: number }) => m.amount))).toBe(120_000_000);
    expect(plan.warnings.map((w: { code: string }) => w.code)).toContain('PLAN.TODAY_OUTSIDE_YEAR');
  });
});

describe('closer plan (human output)', () => {
  it('shows quarters, months, weeks, today, markets, classes, the funnel and the verdict in Chinese', async () => {
    const { code, stdout } = await run(words('plan examples/plan-2026.yaml --date 2026-03-03 --lang zh'));
    expect(code).toBe(0);
    for (const heading of [
      '■ 季度',
      '■ 月度',
      '■ 周',
      '■ 今天',
      '■ 市场',
      '■ 客户类别',
      '■ 团队成员',
      '■ 必要条件（漏斗）',
      '■ 会销',
      '■ 追赶计划',
    ]) {
      expect(stdout).toContain(heading);
    }
    expect(stdout).toContain('目标 588万');
    expect(stdout).toContain('结论：可行');
    expect(stdout).toContain('计划今日 2.4万');
  });

  it('speaks English with thousands separators', async () => {
    const { code, stdout } = await run([...PLAN_2026, '--date', '2026-03-02', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('target 5,880,000');
    expect(stdout).toContain('plan for today 23,710');
    expect(stdout).toContain(
      "Verdict: missing data — add new customers' average order (--new-order or classes.new.averageOrder)",
    );
  });

  it('warns visibly when a year has no holiday data', async () => {
    const { code, stdout } = await run(['plan', '--target', '100万', '--year', '2031', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('⚠ Warning: No public-holiday data for 2031');
  });

  it('works out the short verdict from command-line funnel options', async () => {
    const { code, stdout } = await run([
      ...PLAN_2026,
      '--new-order',
      '1万',
      '--win-rate',
      '20',
      '--meetings-per-day',
      '2',
      '--lang',
      'en',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Verdict: short ✗ — \d+ meetings missing, about \d+ customers fewer/);
  });
});

describe('closer plan: files and languages', () => {
  it('reads a plan file saved as GBK by Chinese Windows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'closer-cli-'));
    const yaml =
      'target: 588万\nyear: 2026\nmarkets:\n  - { name: 杭州主城+萧山, share: 60 }\n  - { name: 海外, share: 40 }\n';
    await writeFile(join(dir, 'gbk.yaml'), new Uint8Array(gbk(yaml)));
    const { code, stdout } = await run(['plan', 'gbk.yaml', '--json'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).dimensions.markets.map((m: { name: string }) => m.name)).toEqual([
      '杭州主城+萧山',
      '海外',
    ]);
  });

  it('takes the language from --lang=zh and from LANG', async () => {
    expect((await run(['plan', '--year', '2026', '--lang=zh'])).stderr).toContain('错误 [CLI.BAD_OPTION]');
    const viaEnv = await main(['plan', '--year', '2026'], {
      stdout: () => {},
      stderr: (t) => {
        expect(t).toContain('需要年度目标');
      },
      now: () => new Date('2026-03-02T02:00:00Z'),
      cwd: ROOT,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(viaEnv).toBe(2);
  });

  it("counts a mid-year plan's days from its start in the headline", async () => {
    const { stdout } = await run(words('plan --target 100万 --year 2026 --start 2026-07-01 --lang en'));
    expect(stdout).toContain('128 working days');
  });
});

/** GBK bytes of a string, via the GB18030 decoder's inverse for the characters we use. */
function gbk(text: string): number[] {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [])));
}

describe('closer plan: exports', () => {
  it('writes an xlsx workbook and CSV files that real readers open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'closer-cli-'));
    const { code, stderr } = await run(
      [...PLAN_2026, '--markets', MARKETS, '--xlsx', 'plan.xlsx', '--csv', 'csv', '--lang', 'en'],
      dir,
    );
    expect(code).toBe(0);
    expect(stderr).toContain('Written: plan.xlsx, csv');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'plan.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Quarters',
      'Months',
      'Weeks',
      'Days',
      'Markets',
      'Funnel',
    ]);
    const csv = await readFile(join(dir, 'csv', 'months.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Month');
  });
});

describe('closer: bad input gets a clear message and a non-zero exit, never a stack trace', () => {
  it.each([
    [['plan', '--year', '2026'], 2, '--target'],
    [['plan', '--target', 'lots', '--year', '2026'], 2, 'PLAN.INVALID'],
    [['plan', '--target', '588万', '--year', '20x6'], 2, 'CLI.BAD_OPTION'],
    [[...PLAN_2026, '--markets', 'a:50,b:40'], 2, 'add up to 90%'],
    [[...PLAN_2026, '--markets', 'a,b'], 2, '--markets'],
    [[...PLAN_2026, '--date', '2026-02-30'], 2, '--date'],
    [[...PLAN_2026, '--date', '2027-01-04'], 2, 'PLAN.DATE_OUT_OF_YEAR'],
    [[...PLAN_2026, '--field-days', 'funday'], 2, 'funday'],
    [[...PLAN_2026, '--lang', 'fr'], 2, 'Allowed choices'],
    [['plan', '--bogus'], 2, "unknown option '--bogus'"],
    [['plan', 'no-such-plan.yaml'], 3, 'FILE.NOT_FOUND'],
    [[...PLAN_2026, '--xlsx', '/proc/none/plan.xlsx'], 3, 'FILE.UNWRITABLE'],
  ])('%j → exit %i', async (argv, exit, text) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(exit);
    expect(stderr).toContain(text);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('explains a broken YAML file with its line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'closer-cli-'));
    await writeFile(join(dir, 'bad.yaml'), 'target: 588万\nyear: [2026\n');
    const { code, stderr } = await run(['plan', 'bad.yaml'], dir);
    expect(code).toBe(3);
    expect(stderr).toMatch(/FILE\.UNREADABLE.*line \d/);
  });

  it('answers in Chinese when asked', async () => {
    const { code, stderr } = await run([...PLAN_2026, '--markets', 'a:50,b:40', '--lang', 'zh']);
    expect(code).toBe(2);
    expect(stderr).toContain('错误 [PLAN.SHARES_NOT_100]: 市场的占比合计为 90%');
  });
});

describe('the closer binary', () => {
  it('runs as a process and exits 0 with the plan', async () => {
    const { stdout } = await runBin([...PLAN_2026, '--json']);
    expect(JSON.parse(stdout).year.amount).toBe(588_000_000);
  });

  it('exits non-zero with the message on stderr for a user mistake', async () => {
    const error = await runBin(['plan', '--target', 'abc', '--year', '2026']).catch((e) => e);
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('PLAN.INVALID');
    expect(error.stderr).not.toContain('    at ');
  });

  it('prints help without arguments', async () => {
    const { stdout } = await runBin([]);
    expect(stdout).toContain('Usage: closer');
    expect(stdout).toContain('plan');
  });
});
