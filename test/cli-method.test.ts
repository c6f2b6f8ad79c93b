/**
 * `closer today`, `closer progress` and `closer forecast` against a demo database: in-process
 * with a fixed clock for the values, and once through the built `bin/closer.js`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli, withDemo } from './harness/cli.js';

const NOW = '2026-11-27T02:00:00Z'; // Friday 27 November 2026 in Asia/Shanghai: a working day

async function run(args: string[]) {
  const { code, stdout, stderr } = await runCli(args, { now: NOW });
  return { code, out: stdout, err: stderr };
}

describe('closer today / progress / forecast on the demo', () => {
  const demo = withDemo('closer-method-', NOW);

  it("shows the manager today's team target, follow-ups and suggestions", async () => {
    const json = await run(['today', '--data-dir', demo.dir, '--json']);
    expect(json.code).toBe(0);
    const view = JSON.parse(json.out);
    expect(view).toMatchObject({ date: '2026-11-27', scope: 'workspace', numbers: { working: true } });
    expect(view.numbers.planToday).toBeGreaterThan(0);
    expect(view.numbers.month.plan).toBeGreaterThan(view.numbers.planToday);
    expect(view.followUps.length).toBeGreaterThan(0);
    // Overdue first.
    const overdue = view.followUps.map((f: { daysOverdue: number }) => f.daysOverdue);
    expect([...overdue].sort((a, b) => b - a)).toEqual(overdue);
    const text = await run(['today', '--data-dir', demo.dir, '--lang', 'zh']);
    // Two labelled numbers: the plan's amount for today and what today still needs.
    expect(text.out).toMatch(/计划今日：[\d.]+万；今日还需：[\d.,]+万?(（[^）]+）)?（团队合计）/);
    expect(text.out).not.toContain('今日目标');
    const lead = JSON.parse(
      (await run(['today', '--data-dir', demo.dir, '--user', 'lead@demo.closer', '--json'])).out,
    );
    // The lead's share (weight 6 of 10) is below the team's total and above zero.
    expect(lead.numbers.planToday).toBeGreaterThan(0);
    expect(lead.numbers.planToday).toBeLessThan(view.numbers.planToday);
    const saturday = JSON.parse(
      (await run(['today', '--data-dir', demo.dir, '--date', '2026-11-28', '--json'])).out,
    );
    expect(saturday.numbers).toMatchObject({ working: false, planToday: 0, neededToday: 0 });
  });

  it('shows progress with actual signatures against the plan', async () => {
    const year = JSON.parse(
      (await run(['progress', '--data-dir', demo.dir, '--level', 'year', '--json'])).out,
    );
    expect(year.rows).toHaveLength(1);
    expect(year.rows[0].plan).toBe(588_0000_00);
    expect(year.rows[0].actual).toBeGreaterThan(0);
    expect(year.rows[0].difference).toBe(year.rows[0].actual - year.rows[0].planToDate);
    const markets = JSON.parse(
      (await run(['progress', '--data-dir', demo.dir, '--level', 'year', '--dimension', 'markets', '--json']))
        .out,
    );
    const sum = markets.rows.reduce((n: number, r: { actual: number }) => n + r.actual, 0);
    expect(sum).toBe(year.rows[0].actual);
    const text = await run(['progress', '--data-dir', demo.dir, '--dimension', 'members', '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Progress 2026 (as of 2026-11-27)');
    expect(text.out).toContain('王磊');
  });

  it('forecasts P10 ≤ P50 ≤ P90, the same for the same seed', async () => {
    const args = ['forecast', '--data-dir', demo.dir, '--seed', '9', '--runs', '2000', '--json'];
    const one = JSON.parse((await run(args)).out);
    const two = JSON.parse((await run(args)).out);
    expect(two).toEqual(one);
    expect(one.p10).toBeLessThanOrEqual(one.p50);
    expect(one.p50).toBeLessThanOrEqual(one.p90);
    expect(one.p10).toBeGreaterThanOrEqual(one.signedSoFar);
    expect(one.signedSoFar).toBeGreaterThan(0);
    expect(one.opportunities).toBeGreaterThan(0);
    const text = await run(['forecast', '--data-dir', demo.dir, '--runs', '500', '--lang', 'zh']);
    expect(text.out).toMatch(/达成目标的概率 [\d.]+%/);
  });

  it('refuses bad options with a clear message and exit code 2', async () => {
    for (const [args, option] of [
      [['progress', '--level', 'decade'], '--level'],
      [['progress', '--dimension', 'cities'], '--dimension'],
      [['progress', '--as-of', '27/11/2026'], '--as-of'],
      [['forecast', '--runs', '10'], '--runs'],
      [['forecast', '--seed', '-1'], '--seed'],
      [['today', '--date', 'tomorrow'], '--date'],
      [['today', '--user', 'nobody@demo.closer'], '--user'],
      [['today', '--lang', 'fr'], '--lang'],
    ] as const) {
      const r = await run([...args, '--data-dir', demo.dir]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('CLI.BAD_OPTION');
      expect(r.err).toContain(option);
    }
    const noPlan = await run(['progress', '--data-dir', demo.dir, '--year', '2030']);
    expect(noPlan.code).toBe(2);
    expect(noPlan.err).toContain('PROGRESS.NO_PLAN');
    const empty = await run(['today', '--data-dir', mkdtempSync(join(tmpdir(), 'closer-empty-'))]);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('closer init');
  });

  it('runs as the built command', async () => {
    const { stdout } = await runBin(['forecast', '--data-dir', demo.dir, '--runs', '300', '--json']);
    const f = JSON.parse(stdout);
    expect(f.runs).toBe(300);
    expect(f.p10).toBeLessThanOrEqual(f.p90);
  }, 30_000);
});
