/**
 * `npm run bench`: times the planning engine and prints medians.
 *
 *  1. one full-year plan: 588万, three markets, A/B/C/new from customers, three members;
 *  2. a 1,000-member organisation down to days: 1,000 members, 3 markets and 4 classes, each
 *     a controlled rounding through every quarter, month, week piece and working day;
 *  3. a page of the customer list (bench/customer-list.ts) and 4. the 100,000-row import
 *     (bench/import.ts), on SQLite and, with TEST_DATABASE_URL, PostgreSQL.
 *
 * Each case runs a few warm-up rounds, then N timed rounds; the report gives the median,
 * the fastest and slowest round, the median against the aim (ratio < 1 meets it) and the
 * heap growth of one run. Numbers are for the machine they ran on; compare runs on one machine.
 */
import { performance } from 'node:perf_hooks';
import { chinaHolidayData } from '../src/app/holiday-data.js';
import { computePlan } from '../src/app/plans/compute-plan.js';
import { benchCustomerList } from './customer-list.js';
import { benchImport } from './import.js';

interface Case {
  readonly name: string;
  readonly aimMs: number;
  readonly rounds: number;
  readonly warmup: number;
  readonly input: Record<string, unknown>;
}

const MARKETS = [
  { name: '杭州主城+萧山', share: 50 },
  { name: '富阳/桐庐/临安', share: 40 },
  { name: '海外', share: 10 },
];
const CLASSES = {
  A: { customers: 12, repeatRate: 80, averageOrder: '8万' },
  B: { customers: 40, repeatRate: 60, averageOrder: '4万' },
  C: { customers: 80, repeatRate: 40, averageOrder: '2万' },
  new: { averageOrder: '2.98万' },
};

const cases: Case[] = [
  {
    name: 'one full-year plan (588万, 3 markets × 4 classes × 3 members)',
    aimMs: 5,
    rounds: 500,
    warmup: 200,
    input: {
      target: '588万',
      year: 2026,
      markets: MARKETS,
      classes: CLASSES,
      members: [
        { name: '王磊', weight: 6 },
        { name: '李娜', weight: 2 },
        { name: '张伟', weight: 2 },
      ],
    },
  },
  {
    name: '1,000-member organisation to days (1,000 × 3 markets × 4 classes)',
    aimMs: 1000,
    rounds: 15,
    warmup: 3,
    input: {
      target: '58.8亿',
      year: 2026,
      markets: MARKETS,
      classes: CLASSES,
      // Uneven weights, as in a real organisation (senior reps carry more).
      members: Array.from({ length: 1000 }, (_, i) => ({ name: `rep-${i + 1}`, weight: 1 + (i % 5) })),
    },
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const gc = (globalThis as { gc?: () => void }).gc;
const holidays = chinaHolidayData();
const deps = { holidays, now: new Date('2026-03-02T02:00:00Z') };

console.log(
  `Closer planning benchmark · node ${process.version} · ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log('| case | rounds | median ms | min ms | max ms | aim ms | median / aim | heap per run MB |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const c of cases) {
  // Warm up so the JIT has compiled the hot paths before timing.
  for (let i = 0; i < c.warmup; i++) computePlan(c.input, deps);
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const kept = computePlan(c.input, deps);
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const times: number[] = [];
  for (let i = 0; i < c.rounds; i++) {
    const start = performance.now();
    computePlan(c.input, deps);
    times.push(performance.now() - start);
  }
  const med = median(times);
  console.log(
    `| ${c.name} | ${c.rounds} | ${med.toFixed(2)} | ${Math.min(...times).toFixed(2)} | ${Math.max(...times).toFixed(2)} | ${c.aimMs} | ${(med / c.aimMs).toFixed(2)} | ${heapMb.toFixed(1)} |`,
  );
  if (kept.year.amount !== kept.settings.target) throw new Error('benchmark plan does not add up');
}
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

// 3. one page of the customer list with its counts over 20,000 customers.
await benchCustomerList();

// 4. the 100,000-row customer import (SQLite, and PostgreSQL when a URL is set).
await benchImport();
