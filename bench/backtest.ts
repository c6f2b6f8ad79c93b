/**
 * `npm run backtest`: the forecast's backtest (docs/FORECAST.md).
 *
 *  1. The demo workspace, seeded into a temporary SQLite file with the clock at `--today`
 *     (default 2026-12-03, the day docs/FORECAST.md was measured): cut at the first of each
 *     month of its year, forecast up to its last day, compare with what it then signed.
 *  2. A generated history (bench/sales-history-generator.ts; `--seed`, `--years`): cut at
 *     the first of each month of every year but the first, forecast to the year end.
 *
 * Prints the figures (P10–P90 coverage, P50 mean absolute error, Brier score of P(target))
 * as Markdown, and each cut with `--cases`. Deterministic for its options.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { migrateDatabase } from '../src/app/database-admin.js';
import { seedDemo } from '../src/app/demo/seed-demo.js';
import { loadSalesHistory } from '../src/app/progress/load-sales-history.js';
import { latestPlan } from '../src/app/progress/progress-scope.js';
import { parseConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import type { Schema } from '../src/db/schema.js';
import { addDays, type IsoDate } from '../src/domain/dates.js';
import {
  type BacktestSummary,
  backtestForecast,
  monthStarts,
} from '../src/domain/method/forecast-backtest.js';
import { generateSalesHistory } from './sales-history-generator.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const runs = Number(option('runs', '2000'));
const today = option('today', '2026-12-03') as IsoDate;
const seed = Number(option('seed', '7'));
const years = Number(option('years', '6'));
const showCases = process.argv.includes('--cases');
const wan = (fen: number) => `${(fen / 1_000_000).toFixed(2)}万`;
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);

async function demoBacktest(): Promise<BacktestSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'closer-backtest-'));
  try {
    const config = parseConfig({ DATA_DIR: dir }, process.cwd());
    await migrateDatabase(config);
    const database = openDatabase<Schema>(config.database);
    try {
      const db = database.db as Kysely<Schema>;
      // Noon in Shanghai, so the demo's "today" is `today` whatever the machine's zone.
      const clock = () => new Date(`${today}T04:00:00.000Z`);
      // Ids from a counter, as README's demo: the forecast keys each opportunity's random
      // stream by its id, so random ids would make the demo's figures differ run to run.
      let counter = 0;
      const newId = () => `01900000-0000-7000-8000-${(++counter).toString(16).padStart(12, '0')}`;
      const demo = await seedDemo({ db, clock, newId });
      const history = await loadSalesHistory(db, demo.workspaceId, 'Asia/Shanghai');
      const year = Number(today.slice(0, 4));
      const principal = { workspaceId: demo.workspaceId } as Parameters<typeof latestPlan>[1];
      const plan = await latestPlan({ db, clock, newId }, principal, year);
      const target = plan?.result.year.amount ?? null;
      return backtestForecast(history, {
        cuts: monthStarts(`${year}-02-01`, addDays(today, -1)),
        dataEnd: today,
        targetOf: (y) => (y === year ? target : null),
        runs,
      });
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function generatedBacktest(): BacktestSummary {
  const firstYear = 2019;
  const g = generateSalesHistory({ seed, firstYear, years });
  return backtestForecast(g.history, {
    cuts: monthStarts(`${firstYear + 1}-01-01`, `${firstYear + years - 1}-12-01`),
    dataEnd: g.dataEnd,
    targetOf: (y) => g.targets.get(y) ?? null,
    runs,
  });
}

function report(name: string, s: BacktestSummary): string {
  const lines = [
    `| ${name} | ${s.cases.length} | ${pct(s.coverage)} | ${pct(s.below)} / ${pct(s.above)} | ${wan(s.maeP50)} | ${pct(s.maeP50OfTarget)} | ${s.brier === null ? '—' : s.brier.toFixed(3)} | ${s.brierBaseRate === null ? '—' : s.brierBaseRate.toFixed(3)} |`,
  ];
  if (showCases) {
    for (const c of s.cases) {
      lines.push(
        `|   ${c.cut} → ${c.end} | target ${c.target === null ? '—' : wan(c.target)} | signed ${wan(c.signedAtCut)} | P10 ${wan(c.p10)} | P50 ${wan(c.p50)} | P90 ${wan(c.p90)} | actual ${wan(c.actual)} | P(target) ${pct(c.probabilityOfTarget)} |`,
      );
    }
  }
  return lines.join('\n');
}

const demo = await demoBacktest();
const generated = generatedBacktest();
process.stdout.write(
  [
    `Forecast backtest (runs ${runs} per cut; demo at ${today}; generated seed ${seed}, ${years} years)`,
    '',
    '| history | cuts | inside P10–P90 | below P10 / above P90 | P50 MAE | P50 MAE / target | Brier P(target) | Brier, base rate |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    report('demo', demo),
    report('generated', generated),
    '',
  ].join('\n'),
);
