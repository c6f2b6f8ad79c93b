/**
 * Routes of progress: actual vs plan at a level and dimension, the year-end forecast,
 * and the caller's Today. Read-only; every member may call them and sees their scope
 * (a manager the workspace, a lead the team, Today the caller's own share).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.js';
import { computeForecast } from '../../app/progress/compute-forecast.js';
import { computeProgress } from '../../app/progress/compute-progress.js';
import { getToday } from '../../app/progress/get-today.js';
import { errorResponses } from '../../contract/error-body.js';
import { computeForecastInput, computeProgressInput, getTodayInput } from '../../contract/progress.js';
import { FORECAST_GROUPS } from '../../domain/method/sales-history.js';
import { NEEDED_REASONS } from '../../domain/method/today.js';
import { requirePrincipal } from '../auth.js';

const status = z.enum(['ahead', 'behind', 'on_track']);
const progressRow = z.object({
  period: z.string(),
  start: z.string(),
  end: z.string(),
  segment: z.string().nullable(),
  plan: z.number().int(),
  planToDate: z.number().int(),
  actual: z.number().int(),
  difference: z.number().int(),
  status,
  remaining: z.number().int(),
  remainingWorkingDays: z.number().int(),
  requiredDailyRate: z.number().int().nullable(),
});
const progressView = z.object({
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
const forecastView = z.object({
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
const todayView = z.object({
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
      month: z.object({
        plan: z.number().int(),
        planToDate: z.number().int(),
        actual: z.number().int(),
        difference: z.number().int(),
        status,
        remaining: z.number().int(),
        remainingWorkingDays: z.number().int(),
        requiredDailyRate: z.number().int().nullable(),
      }),
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

/** Registers /api/progress, /api/forecast and /api/today. */
export function registerProgressRoutes(app: FastifyInstance, deps: Deps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses(400, 401, 404);
  const tags = ['progress'];

  routes.get(
    '/api/progress',
    {
      schema: {
        summary: 'Actual vs plan at a level (year … days) and dimension, with the run-rate still needed',
        tags,
        querystring: computeProgressInput,
        response: { 200: progressView, ...errors },
      },
    },
    async (request) => computeProgress(deps, requirePrincipal(request), request.query),
  );

  routes.get(
    '/api/forecast',
    {
      schema: {
        summary:
          'Year-end forecast (seeded Monte Carlo on the workspace’s measured rates): expected, P10/P50/P90, chance of the target, monthly fan, and its parts',
        tags,
        querystring: computeForecastInput,
        response: { 200: forecastView, ...errors },
      },
    },
    async (request) => computeForecast(deps, requirePrincipal(request), request.query),
  );

  routes.get(
    '/api/today',
    {
      schema: {
        summary: 'Today: the caller’s target, the month so far, follow-ups due and suggested customers',
        tags,
        querystring: getTodayInput,
        response: { 200: todayView, ...errors },
      },
    },
    async (request) => getToday(deps, requirePrincipal(request), request.query),
  );
}
