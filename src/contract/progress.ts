/** Progress in the API: actual vs plan, the year-end forecast and the caller's Today. */
import { z } from 'zod';
import { DEFAULT_RUNS, DEFAULT_SEED } from '../domain/method/forecast.js';
import { PROGRESS_DIMENSIONS, PROGRESS_LEVELS } from '../domain/method/progress.js';
import { FORECAST_GROUPS } from '../domain/method/sales-history.js';
import { NEEDED_REASONS } from '../domain/method/today.js';
import { route } from './http.js';

/**
 * The most simulation runs one forecast may ask for, over the API and the CLI alike: twice
 * the default, about a second of the server's time on a region's pipeline.
 */
export const MAX_RUNS = 20_000;

/** Query of the year-end forecast. */
export const computeForecastInput = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  seed: z.coerce.number().int().min(0).max(4_294_967_295).default(DEFAULT_SEED),
  runs: z.coerce.number().int().min(100).max(MAX_RUNS).default(DEFAULT_RUNS),
});

/** Query of progress against the plan. */
export const computeProgressInput = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: z.enum(PROGRESS_LEVELS).default('months'),
  dimension: z.enum(PROGRESS_DIMENSIONS).default('none'),
  asOf: z.iso.date().optional(),
});

/** Query of Today (the date defaults to the workspace's today). */
export const getTodayInput = z.strictObject({ date: z.iso.date().optional() });

/** Where actual stands against the plan to date. */
export const paceStatus = z.enum(['ahead', 'behind', 'on_track']);

/**
 * A period's pace, the same fields in a progress row and in Today's month: its plan, the
 * plan and the signings to date, and what the rest of the period needs per day left.
 */
export const periodPace = z.object({
  plan: z.number().int(),
  planToDate: z.number().int(),
  actual: z.number().int(),
  difference: z.number().int(),
  status: paceStatus,
  remaining: z.number().int(),
  remainingWorkingDays: z.number().int(),
  requiredDailyRate: z.number().int().nullable(),
});

export const progressRow = z.object({
  period: z.string(),
  start: z.string(),
  end: z.string(),
  segment: z.string().nullable(),
  ...periodPace.shape,
});

export const progressView = z.object({
  year: z.number().int(),
  revision: z.number().int(),
  asOf: z.string(),
  level: z.string(),
  dimension: z.string(),
  scope: z.enum(['workspace', 'team']),
  rows: z.array(progressRow).readonly(),
  unassigned: z.object({ deals: z.number().int(), amount: z.number().int() }),
});

const band = { p10: z.number(), p50: z.number(), p90: z.number() };

export const forecastView = z.object({
  year: z.number().int(),
  revision: z.number().int(),
  asOf: z.string(),
  scope: z.enum(['workspace', 'team']),
  runs: z.number().int(),
  seed: z.number().int(),
  target: z.number().int(),
  signedSoFar: z.number().int(),
  expected: z.number().int(),
  ...band,
  probabilityOfTarget: z.number(),
  months: z.array(z.object({ month: z.number().int(), signed: z.number(), ...band })).readonly(),
  opportunities: z.number().int(),
  unpriced: z.number().int(),
  horizonDays: z.number().int(),
  // Why the forecast says what it says: the mean of each part (each rounded to the fen).
  breakdown: z.object({
    signedSoFar: z.number().int(),
    groups: z
      .array(
        z.object({
          group: z.enum(FORECAST_GROUPS),
          opportunities: z.number().int(),
          winProbability: z.number(),
          expected: z.number().int(),
        }),
      )
      .readonly(),
    newBusiness: z.object({ expected: z.number().int(), deals: z.number() }),
  }),
  history: z.object({
    outcomes: z.number().int(),
    dealSizes: z.number().int(),
    cuts: z.number().int(),
  }),
});

const reason = z.object({
  code: z.enum(['funds_arriving', 'qualified_not_closed', 'repeat_candidate', 'seminar_invitee']),
  zh: z.string(),
  en: z.string(),
});

export const todayView = z.object({
  date: z.string(),
  scope: z.enum(['workspace', 'member']),
  plan: z.object({ year: z.number().int(), revision: z.number().int() }).nullable(),
  memberInPlan: z.boolean(),
  numbers: z
    .object({
      date: z.string(),
      working: z.boolean(),
      carriesTarget: z.boolean(),
      /** The plan's amount for the day (the caller's share). */
      planToday: z.number().int(),
      /** Still needed today: the month's run-rate on a target day not over; 0 when the month or year is met. */
      neededToday: z.number().int(),
      neededReason: z.enum(NEEDED_REASONS),
      year: z.object({ plan: z.number().int(), actual: z.number().int(), remaining: z.number().int() }),
      month: periodPace,
    })
    .nullable(),
  followUps: z
    .array(
      z.object({
        id: z.string(),
        customerId: z.string(),
        customerName: z.string(),
        dueOn: z.string(),
        kind: z.string(),
        notes: z.string().nullable(),
        daysOverdue: z.number().int(),
      }),
    )
    .readonly(),
  suggestions: z
    .array(
      z.object({
        customerId: z.string(),
        customerName: z.string(),
        class: z.enum(['A', 'B', 'C', 'new']),
        status: z.string(),
        reasons: z.array(reason).readonly(),
        expectedAmount: z.number().int(),
        amountSource: z.enum(['open_deal', 'class_average', 'none']),
      }),
    )
    .readonly(),
  suggestionsTotal: z.number().int(),
  shortfall: z.number().int(),
});

export type PaceStatus = z.infer<typeof paceStatus>;
/** One row of the progress report (amounts in fen). */
export type ProgressRow = z.infer<typeof progressRow>;
/** GET /api/progress. */
export type Progress = z.infer<typeof progressView>;
/** GET /api/forecast. */
export type Forecast = z.infer<typeof forecastView>;
/** GET /api/today. */
export type TodayView = z.infer<typeof todayView>;

const tags = ['progress'];
const errors = [400, 401, 404] as const;

/** The progress routes: read-only; every member sees their scope. */
export const progressRoutes = {
  progress: route({
    method: 'GET',
    path: '/api/progress',
    summary: 'Actual vs plan at a level (year … days) and dimension, with the run-rate still needed',
    tags,
    query: computeProgressInput,
    status: 200,
    response: progressView,
    errors,
  }),
  forecast: route({
    method: 'GET',
    path: '/api/forecast',
    summary:
      'Year-end forecast (seeded Monte Carlo on the workspace’s measured rates): expected, P10/P50/P90, chance of the target, monthly fan, and its parts',
    tags,
    query: computeForecastInput,
    status: 200,
    response: forecastView,
    errors,
  }),
  today: route({
    method: 'GET',
    path: '/api/today',
    summary: 'Today: the caller’s target, the month so far, follow-ups due and suggested customers',
    tags,
    query: getTodayInput,
    status: 200,
    response: todayView,
    errors,
  }),
};
