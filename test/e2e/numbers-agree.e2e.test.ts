/**
 * One quantity, one number, on every surface (issue 11). For the demo workspace and for a
 * hand-made workspace walked through a year — a make-up working day (调休), the first
 * working day of a month while behind, the last working day of the year 42万 ahead — the
 * same day's numbers are read from:
 *
 * - the API: `/api/today`, `/api/progress` (months and year), `/api/forecast`, `/api/plans/:year`;
 * - the CLI, in-process on the same database and the same clock: `closer today|progress|forecast --json`
 *   and their zh-CN / en text;
 * - the web app in Chromium: the text of Today, the dashboard and the plan page;
 *
 * and asserted to agree: Today's month is the progress table's month row, today's plan is
 * the plan's day, the year's signed total is the forecast's "signed so far", each shown
 * amount is the one formatter's rendering of the API's figure. Nothing here knows the demo's
 * figures: every expected value is read from another surface.
 *
 * Under CI (CI=true) a missing Chromium or web build fails the suite; locally it is skipped.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../src/app/database-admin.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { parseConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import type { Schema } from '../../src/db/schema.js';
import { dateInTimeZone } from '../../src/domain/dates.js';
import {
  columnScale,
  type ShowAmountOptions,
  showAmount,
  showPercent,
} from '../../src/domain/format-amount.js';
import { FORECAST_GROUP_LABELS, NEEDED_REASON_LABELS, PACE_FIGURE_LABELS } from '../../src/domain/labels.js';
import type { Funnel } from '../../src/domain/plan/funnel.js';
import { FUNNEL_LINE_LABELS, funnelLines, funnelStages } from '../../src/domain/plan/funnel-lines.js';
import { type RunningServer, startServer } from '../../src/server/main.js';
import { runCli } from '../harness/cli.js';
import { Browsers, missing } from './browser.js';
import { shiftedClock, workingDayOffset } from './working-day.js';

const TIME_ZONE = 'Asia/Shanghai';
const PASSWORD = 'closer-demo-2026';
type Lang = 'zh' | 'en';

interface MonthNumbers {
  plan: number;
  planToDate: number;
  actual: number;
  difference: number;
  status: 'ahead' | 'behind' | 'on_track';
  remaining: number;
  remainingWorkingDays: number;
  requiredDailyRate: number | null;
}
interface TodayBody {
  date: string;
  scope: 'workspace' | 'member';
  numbers: {
    carriesTarget: boolean;
    planToday: number;
    neededToday: number;
    neededReason: keyof typeof NEEDED_REASON_LABELS;
    year: { plan: number; actual: number; remaining: number };
    month: MonthNumbers;
  } | null;
}
interface ProgressRow extends MonthNumbers {
  period: string;
  start: string;
  end: string;
  segment: string | null;
}
interface ProgressBody {
  year: number;
  asOf: string;
  rows: ProgressRow[];
}
interface ForecastBody {
  year: number;
  asOf: string;
  target: number;
  signedSoFar: number;
  expected: number;
  p10: number;
  p50: number;
  p90: number;
  probabilityOfTarget: number;
  breakdown: {
    signedSoFar: number;
    groups: {
      group: keyof typeof FORECAST_GROUP_LABELS;
      opportunities: number;
      winProbability: number;
      expected: number;
    }[];
    newBusiness: { expected: number; deals: number };
  };
}
interface PlanBody {
  result: {
    year: { amount: number };
    months: { month: number; amount: number }[];
    days: { date: string; amount: number; working: boolean; kind: string }[];
    calendar: { makeupWorkdays: { date: string }[] };
    dimensions: { members: { name: string; amount: number }[] };
    funnel: Funnel;
  };
}

/** Everything one caller sees on one day, from every surface. */
interface Reading {
  today: TodayBody;
  months: ProgressBody;
  year: ProgressBody;
  forecast: ForecastBody;
  plan: PlanBody;
  cli: {
    today: unknown;
    months: unknown;
    year: unknown;
    forecast: unknown;
    todayText: Record<Lang, string>;
    progressText: Record<Lang, string>;
    forecastText: Record<Lang, string>;
  };
}

/** A server on a clock the test sets, and the CLI run in-process on the same data and clock. */
class Workspace {
  now = new Date();
  server!: RunningServer;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'closer-agree-'));
  readonly clock = () => new Date(this.now);

  async start(seed?: (deps: { db: never; clock: () => Date }) => Promise<void>): Promise<void> {
    const config = parseConfig({ DATA_DIR: this.dataDir, PORT: '0', HOST: '127.0.0.1' }, this.dataDir);
    await migrateDatabase(config);
    if (seed) {
      const database = openDatabase<Schema>(config.database);
      try {
        await seed({ db: database.db as never, clock: this.clock });
      } finally {
        await database.close();
      }
    }
    this.server = await startServer(config, { clock: this.clock });
  }

  /** Sets the clock to 10:00 in Shanghai on `date`. */
  at(date: string): void {
    this.now = new Date(`${date}T02:00:00.000Z`);
  }

  async cli(args: string[]): Promise<string> {
    const { code, stdout, stderr } = await runCli([...args, '--data-dir', this.dataDir], { now: this.clock });
    expect(code, `closer ${args.join(' ')}: ${stderr}`).toBe(0);
    return stdout;
  }
}

/** A JSON API client with a session cookie and its CSRF token. */
class Api {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string) {}

  async login(email: string, password = PASSWORD): Promise<void> {
    const response = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    this.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    this.csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookie } });
    expect(response.status, `GET ${path}: ${await response.clone().text()}`).toBe(200);
    return (await response.json()) as T;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, `POST ${path}: ${await response.clone().text()}`).toBeLessThan(300);
    return (await response.json()) as T;
  }
}

/** Reads one caller's day from the API and the CLI. */
async function read(ws: Workspace, api: Api, email: string): Promise<Reading> {
  const today = await api.get<TodayBody>('/api/today');
  const year = Number(today.date.slice(0, 4));
  const as = ['--user', email, '--json'];
  return {
    today,
    months: await api.get<ProgressBody>(`/api/progress?year=${year}&level=months`),
    year: await api.get<ProgressBody>(`/api/progress?year=${year}&level=year`),
    forecast: await api.get<ForecastBody>(`/api/forecast?year=${year}`),
    plan: await api.get<PlanBody>(`/api/plans/${year}`),
    cli: {
      today: JSON.parse(await ws.cli(['today', ...as])),
      months: JSON.parse(await ws.cli(['progress', '--year', String(year), '--level', 'months', ...as])),
      year: JSON.parse(await ws.cli(['progress', '--year', String(year), '--level', 'year', ...as])),
      forecast: JSON.parse(await ws.cli(['forecast', '--year', String(year), ...as])),
      todayText: {
        zh: await ws.cli(['today', '--user', email, '--lang', 'zh']),
        en: await ws.cli(['today', '--user', email, '--lang', 'en']),
      },
      progressText: {
        zh: await ws.cli(['progress', '--year', String(year), '--user', email, '--lang', 'zh']),
        en: await ws.cli(['progress', '--year', String(year), '--user', email, '--lang', 'en']),
      },
      forecastText: {
        zh: await ws.cli(['forecast', '--year', String(year), '--user', email, '--lang', 'zh']),
        en: await ws.cli(['forecast', '--year', String(year), '--user', email, '--lang', 'en']),
      },
    },
  };
}

/** The row (month, or the year) of a progress table that holds `date`. */
function rowHolding(progress: ProgressBody, date: string): ProgressRow {
  const row = progress.rows.find((r) => r.segment === null && r.start <= date && date <= r.end);
  if (!row) throw new Error(`no month row holds ${date}`);
  return row;
}

/** What must agree for a manager (the workspace's scope on every surface). */
function expectAgreement(r: Reading): void {
  const date = r.today.date;
  const n = r.today.numbers;
  expect(n, 'Today has numbers').not.toBeNull();
  if (!n) return;
  // The CLI is the API: the same use cases, the same clock.
  expect(r.cli.today).toEqual(r.today);
  expect(r.cli.months).toEqual(r.months);
  expect(r.cli.year).toEqual(r.year);
  expect(r.cli.forecast).toEqual(r.forecast);
  // Today's month is the dashboard's month row.
  const row = rowHolding(r.months, date);
  expect(r.months.asOf).toBe(date);
  const pick = (m: MonthNumbers) => ({
    plan: m.plan,
    planToDate: m.planToDate,
    actual: m.actual,
    difference: m.difference,
    status: m.status,
    remaining: m.remaining,
    remainingWorkingDays: m.remainingWorkingDays,
    requiredDailyRate: m.requiredDailyRate,
  });
  expect(pick(n.month)).toEqual(pick(row));
  // The plan's month and day are Today's.
  const month = Number(date.slice(5, 7));
  expect(r.plan.result.months.find((m) => m.month === month)?.amount).toBe(n.month.plan);
  expect(r.plan.result.days.find((d) => d.date === date)?.amount).toBe(n.planToday);
  // What today still needs is the month's run-rate, unless nothing is needed (and then why).
  if (n.neededReason === 'needed') expect(n.neededToday).toBe(n.month.requiredDailyRate);
  else expect(n.neededToday).toBe(0);
  if (n.neededReason === 'year_met') expect(n.year.actual).toBeGreaterThanOrEqual(n.year.plan);
  if (n.neededReason === 'month_met') expect(n.month.remaining).toBe(0);
  // The year: the plan's target, Today's year, the progress year row, the forecast's target and signed.
  const yearRow = r.year.rows.find((x) => x.segment === null);
  expect(yearRow?.plan).toBe(r.plan.result.year.amount);
  expect(n.year).toEqual({
    plan: yearRow?.plan,
    actual: yearRow?.actual,
    remaining: yearRow?.remaining,
  });
  expect(r.forecast.target).toBe(r.plan.result.year.amount);
  expect(r.forecast.signedSoFar).toBe(yearRow?.actual);
  expect(r.forecast.asOf).toBe(date);
  // The forecast's "why" adds up: signed so far is the year's actual.
  expect(r.forecast.breakdown.signedSoFar).toBe(r.forecast.signedSoFar);
  // The forecast cannot promise less than is already signed, nor P10 above P50 above P90.
  expect(r.forecast.p10).toBeGreaterThanOrEqual(r.forecast.signedSoFar);
  expect(r.forecast.p10).toBeLessThanOrEqual(r.forecast.p50);
  expect(r.forecast.p50).toBeLessThanOrEqual(r.forecast.p90);
  // The CLI's text says the API's figures, through the one formatter.
  for (const lang of ['zh', 'en'] as const) {
    const text = r.cli.todayText[lang];
    expect(text).toContain(showAmount(n.month.actual, lang));
    expect(text).toContain(showAmount(n.planToday, lang));
    if (n.neededReason === 'needed')
      expect(text).toContain(showAmount(n.neededToday, lang, { rounding: 'up' }));
    else expect(text).toContain(NEEDED_REASON_LABELS[n.neededReason][lang]);
    // Today's month sentence and the progress table's month row: the same working days left.
    expect(text).toContain(
      `${PACE_FIGURE_LABELS.remainingDays[lang].toLowerCase()} ${n.month.remainingWorkingDays}`,
    );
    const monthLine = r.cli.progressText[lang].split('\n').find((l) => l.startsWith(row.period));
    expect(monthLine, `closer progress has the row ${row.period}`).toBeDefined();
    expect(monthLine?.split(/\s{2,}/)).toContain(String(row.remainingWorkingDays));
    expect(r.cli.forecastText[lang]).toContain(showPercent(r.forecast.probabilityOfTarget));
    for (const g of r.forecast.breakdown.groups.filter((x) => x.opportunities > 0)) {
      expect(r.cli.forecastText[lang]).toMatch(
        new RegExp(
          `${FORECAST_GROUP_LABELS[g.group][lang]}\\s+${g.opportunities}\\s+${showPercent(g.winProbability).replace('.', '\\.')}`,
        ),
      );
    }
  }
}

/**
 * The amount as the web shows it in `lang` (the one formatter): `rounding: 'up'` for amounts
 * still to reach, `scale` for a table column's one unit.
 */
const shown = (minor: number, lang: Lang, options: ShowAmountOptions = {}) =>
  showAmount(minor, lang, options);

/** The text of Today and the dashboard in Chromium agree with the API's figures. */
async function expectPages(page: Page, base: string, r: Reading, lang: Lang): Promise<void> {
  const n = r.today.numbers;
  if (!n) return;
  await page.goto(`${base}/today`);
  const card = page.getByTestId('today-numbers');
  await expect.poll(() => card.isVisible()).toBe(true);
  const todayText = (await card.textContent()) ?? '';
  // The card writes its figures in one unit (the one its amounts call for).
  const scale = columnScale(
    [
      n.planToday,
      { amount: n.neededToday, rounding: 'up' },
      n.month.actual,
      { amount: Math.abs(n.month.difference), rounding: n.month.status === 'behind' ? 'up' : 'nearest' },
      n.month.planToDate,
      n.month.plan,
      { amount: n.month.requiredDailyRate ?? 0, rounding: 'up' },
      { amount: n.month.remaining, rounding: 'up' },
    ],
    lang,
  );
  const inCard = (minor: number, rounding: 'up' | 'nearest' = 'nearest') =>
    shown(minor, lang, { scale, rounding });
  expect(todayText).toContain(inCard(n.month.actual));
  // Two labelled numbers: what the plan said for today, and what today still needs.
  expect(await page.getByTestId('today-target').textContent()).toContain(inCard(n.planToday));
  // The month's remaining working days, the same count as the dashboard's month row.
  expect(await page.getByTestId('today-remaining').textContent()).toContain(
    `${PACE_FIGURE_LABELS.remainingDays[lang]} ${n.month.remainingWorkingDays}`,
  );
  const needed = (await page.getByTestId('today-needed').textContent()) ?? '';
  if (n.neededReason === 'needed') expect(needed).toContain(inCard(n.neededToday, 'up'));
  else if (n.neededReason !== 'not_target_day')
    expect(needed).toContain(NEEDED_REASON_LABELS[n.neededReason][lang]);
  if (n.month.requiredDailyRate !== null) {
    expect(todayText).toContain(inCard(n.month.requiredDailyRate, 'up'));
  }

  await page.goto(`${base}/dashboard`);
  const table = page.getByTestId('progress-table');
  await expect.poll(() => table.isVisible()).toBe(true);
  const row = rowHolding(r.months, r.today.date);
  const monthRow = table.getByRole('row').filter({ hasText: row.period }).first();
  const rowText = (await monthRow.textContent()) ?? '';
  // The table writes each column in one unit.
  const rates = r.months.rows.flatMap((m) => (m.requiredDailyRate === null ? [] : [m.requiredDailyRate]));
  const actuals = r.months.rows.map((m) => m.actual);
  expect(rowText).toContain(shown(row.actual, lang, { scale: columnScale(actuals, lang) }));
  if (row.requiredDailyRate !== null) {
    expect(rowText).toContain(
      shown(row.requiredDailyRate, lang, { rounding: 'up', scale: columnScale(rates, lang, 'up') }),
    );
  }
  // The months table's working days left for this month, as on Today.
  expect(await monthRow.getByRole('cell').allTextContents()).toContain(String(row.remainingWorkingDays));
  await expect
    .poll(() => page.getByTestId('forecast-probability').textContent())
    .toContain(showPercent(r.forecast.probabilityOfTarget));
  // Why the forecast says what it says: each group with its count and measured chance.
  const why = page.getByTestId('forecast-breakdown');
  for (const g of r.forecast.breakdown.groups.filter((x) => x.opportunities > 0)) {
    const groupRow = why.getByRole('row').filter({ hasText: FORECAST_GROUP_LABELS[g.group][lang] }).first();
    const line = (await groupRow.textContent()) ?? '';
    // The count is a cell of its own: a substring of the line could be any figure in it.
    expect(await groupRow.getByRole('cell').allTextContents()).toContain(String(g.opportunities));
    expect(line).toContain(showPercent(g.winProbability));
  }

  // The plan page: the funnel's chart and its list say the same lines, with the API's values.
  await page.goto(`${base}/plan`);
  const list = page.getByTestId('plan-funnel-list');
  await expect.poll(() => list.isVisible()).toBe(true);
  const lines = funnelLines(r.plan.result.funnel);
  for (const line of lines) {
    await expect
      .poll(() => page.getByTestId(`funnel-${line.key}`).first().textContent())
      .toBe(String(line.value));
  }
  const chart = page.getByRole('img', { name: new RegExp(`^${FUNNEL_CHART[lang]}`) });
  const chartName = (await chart.getAttribute('aria-label')) ?? '';
  for (const stage of funnelStages(lines)) {
    expect(chartName).toContain(`${FUNNEL_LINE_LABELS[stage.key][lang]} ${stage.value}`);
  }
}

/** The funnel chart's accessible name begins with its title (plan.funnelChart). */
const FUNNEL_CHART: Record<Lang, string> = { zh: '漏斗', en: 'Funnel' };

describe.skipIf(missing !== null)('the same numbers on every surface', () => {
  const browsers = new Browsers();
  const spaces: Workspace[] = [];

  afterAll(async () => {
    await browsers.closeAll();
    for (const ws of spaces) await ws.server?.close();
  });

  async function signIn(ws: Workspace, email: string, lang: Lang) {
    const window = await browsers.open({ locale: lang === 'zh' ? 'zh-CN' : 'en', width: 1280, height: 900 });
    const { page } = window;
    await page.goto(`${ws.server.url}/login`);
    await page.locator('input[type="email"], input#email, input[name="email"]').first().fill(email);
    await page.locator('input[type="password"]').first().fill(PASSWORD);
    await page.locator('button[type="submit"]').first().click();
    await page.waitForURL('**/today');
    return window;
  }

  describe('the demo workspace, on its last working day', () => {
    const ws = new Workspace();
    spaces.push(ws);
    const clock = shiftedClock(workingDayOffset(new Date(), TIME_ZONE));
    beforeAll(async () => {
      ws.now = clock();
      await ws.start(async ({ db }) => {
        await seedDemo({ db, clock: ws.clock, newId: uuidv7 });
      });
      browsers.removeLater(ws.dataDir);
    }, 120_000);

    it('the manager: API, CLI and pages agree', async () => {
      const api = new Api(ws.server.url);
      await api.login('manager@demo.closer');
      const r = await read(ws, api, 'manager@demo.closer');
      expect(r.today.date).toBe(dateInTimeZone(ws.now, TIME_ZONE));
      expectAgreement(r);
      for (const lang of ['zh', 'en'] as const) {
        const { page } = await signIn(ws, 'manager@demo.closer', lang);
        await expectPages(page, ws.server.url, r, lang);
      }
    }, 120_000);

    it("the lead: Today's month is the lead's own row of the dashboard's members table", async () => {
      const api = new Api(ws.server.url);
      await api.login('lead@demo.closer');
      const today = await api.get<TodayBody>('/api/today');
      const n = today.numbers;
      if (!n) throw new Error('the lead has no numbers today');
      expect(today.scope).toBe('member');
      const members = await api.get<ProgressBody>(
        `/api/progress?year=${today.date.slice(0, 4)}&level=months&dimension=members`,
      );
      const own = members.rows.find(
        (r) => r.segment === '王磊' && r.start <= today.date && today.date <= r.end,
      );
      expect(own, "the lead's month row").toBeDefined();
      expect({
        plan: n.month.plan,
        actual: n.month.actual,
        remaining: n.month.remaining,
        remainingWorkingDays: n.month.remainingWorkingDays,
        requiredDailyRate: n.month.requiredDailyRate,
      }).toEqual({
        plan: own?.plan,
        actual: own?.actual,
        remaining: own?.remaining,
        remainingWorkingDays: own?.remainingWorkingDays,
        requiredDailyRate: own?.requiredDailyRate,
      });
      expect(JSON.parse(await ws.cli(['today', '--user', 'lead@demo.closer', '--json']))).toEqual(today);
    }, 60_000);
  });

  /**
   * A workspace made by hand through the API: 120万 for 2026 over China's calendar, one
   * customer, and deals signed as the clock walks through the year.
   */
  describe('a hand-made workspace walked through 2026', () => {
    const ws = new Workspace();
    spaces.push(ws);
    const api = () => new Api(ws.server.url);
    const MANAGER = 'chen@example.test';
    let manager: Api;
    let customerId = '';
    let plan: PlanBody;
    const sign = (signedOn: string, amountMinor: number) =>
      manager.post('/api/deals', { customerId, amountMinor, signedOn });
    const targetDays = () => plan.result.days.filter((d) => d.amount > 0);

    beforeAll(async () => {
      ws.at('2026-01-05');
      await ws.start();
      browsers.removeLater(ws.dataDir);
      const setup = api();
      await setup.post('/api/setup', {
        workspace: { name: '手工区域' },
        manager: { email: MANAGER, name: '陈经理', password: PASSWORD },
      });
      manager = api();
      await manager.login(MANAGER);
      await manager.post('/api/plans', { target: '120万', year: 2026 });
      plan = await manager.get<PlanBody>('/api/plans/2026');
      customerId = (await manager.post<{ id: string }>('/api/customers', { name: '杭州某机械厂' })).id;
    }, 120_000);

    /** Moves the clock to `date` and signs in again (a jump of months outlives a session). */
    async function at(date: string) {
      ws.at(date);
      manager = api();
      await manager.login(MANAGER);
    }

    async function check(langs: readonly Lang[] = ['zh']) {
      const r = await read(ws, manager, MANAGER);
      expectAgreement(r);
      for (const lang of langs) {
        const { page, context } = await signIn(ws, MANAGER, lang);
        await expectPages(page, ws.server.url, r, lang);
        await context.close();
      }
      return r;
    }

    it('a make-up working day (调休) carries a target, counted as a working day everywhere', async () => {
      const makeup = plan.result.calendar.makeupWorkdays[0]?.date;
      expect(makeup, '2026 has make-up working days').toBeDefined();
      if (!makeup) return;
      await at(makeup);
      await sign(makeup, 1_500_000);
      const r = await check(['zh', 'en']);
      expect(r.today.numbers?.carriesTarget).toBe(true);
      expect(r.today.numbers?.planToday).toBeGreaterThan(0);
    }, 180_000);

    it('the first working day of June, behind', async () => {
      const first = targetDays().find((d) => d.date.startsWith('2026-06'));
      if (!first) throw new Error('June has no target day');
      await at(first.date);
      const r = await check();
      expect(rowHolding(r.year, first.date).status).toBe('behind');
      expect(r.today.numbers?.month.actual).toBe(0);
    }, 180_000);

    it('the last working day of the year, 42万 ahead: nothing more is needed', async () => {
      const last = targetDays().at(-1);
      if (!last) throw new Error('2026 has no target day');
      await at(last.date);
      const before = await manager.get<ProgressBody>('/api/progress?year=2026&level=year');
      const row = before.rows[0];
      if (!row) throw new Error('no year row');
      // Sign so much that the year through today stands exactly 42万 ahead.
      await sign(last.date, row.planToDate - row.actual + 42_000_000);
      const r = await check(['zh', 'en']);
      expect(r.year.rows[0]?.difference).toBe(42_000_000);
      expect(r.today.numbers?.neededToday).toBe(0);
      expect(r.today.numbers?.neededReason).toBe('year_met');
    }, 180_000);
  });
});
