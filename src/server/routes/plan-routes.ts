/**
 * Routes of plans: save a revision from the same settings as `closer plan`, list the
 * revisions, and read a plan's decomposition whole or at one level and dimension.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/context.js';
import { getPlan, listPlans } from '../../app/plans/get-plan.js';
import { savePlan } from '../../app/plans/save-plan.js';
import { errorResponses } from '../../contract/error-body.js';
import type { PlanResult } from '../../domain/plan/plan.js';
import { requirePrincipal } from '../auth.js';

const revisionView = z.object({
  id: z.string(),
  year: z.number().int(),
  revision: z.number().int(),
  input: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

const LEVELS = ['year', 'quarters', 'months', 'weeks', 'days'] as const;
const DIMENSIONS = ['markets', 'classes', 'members'] as const;

const readQuery = z.strictObject({
  revision: z.coerce.number().int().min(1).optional(),
  date: z.iso.date().optional(),
  level: z.enum(LEVELS).optional(),
  dimension: z.enum(DIMENSIONS).optional(),
});

/** One period of a level, with its amounts by the chosen dimension. */
function periodRows(
  result: PlanResult,
  level: (typeof LEVELS)[number],
  dimension?: (typeof DIMENSIONS)[number],
) {
  const periods: {
    key: string;
    amount: number;
    byMarket: readonly number[];
    byClass: readonly number[];
    byMember: readonly number[];
  }[] =
    level === 'year'
      ? [{ key: String(result.year.year), ...result.year }]
      : level === 'quarters'
        ? result.quarters.map((q) => ({ key: `Q${q.quarter}`, ...q }))
        : level === 'months'
          ? result.months.map((m) => ({
              key: `${result.settings.year}-${String(m.month).padStart(2, '0')}`,
              ...m,
            }))
          : level === 'weeks'
            ? result.weeks.map((w) => ({ key: `${w.isoYear}-W${String(w.week).padStart(2, '0')}`, ...w }))
            : result.days.map((d) => ({ key: d.date, ...d }));
  const names =
    dimension === 'markets'
      ? result.dimensions.markets.map((m) => m.name)
      : dimension === 'classes'
        ? result.dimensions.classes.map((c) => c.key)
        : dimension === 'members'
          ? result.dimensions.members.map((m) => m.name)
          : [];
  return periods.map((p) => {
    const values = dimension === 'markets' ? p.byMarket : dimension === 'classes' ? p.byClass : p.byMember;
    return {
      period: p.key,
      amount: p.amount,
      ...(dimension ? { by: Object.fromEntries(names.map((name, i) => [name, values[i] ?? 0])) } : {}),
    };
  });
}

/** Registers /api/plans. */
export function registerPlanRoutes(app: FastifyInstance, deps: Deps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses(400, 401, 403, 404, 409);
  const tags = ['plans'];

  routes.post(
    '/api/plans',
    {
      schema: {
        summary: 'Save a new revision of a year’s plan (the settings of `closer plan`; managers)',
        tags,
        body: z.record(z.string(), z.unknown()),
        response: { 201: revisionView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await savePlan(deps, requirePrincipal(request), request.body)),
  );

  routes.get(
    '/api/plans',
    {
      schema: {
        summary: 'List plan revisions, newest first',
        tags,
        response: { 200: z.array(revisionView), ...errors },
      },
    },
    async (request) => listPlans(deps, requirePrincipal(request)),
  );

  routes.get(
    '/api/plans/:year',
    {
      schema: {
        summary:
          'Read a plan: the whole decomposition, or one level (and dimension) of it; amounts in minor units',
        tags,
        params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
        querystring: readQuery,
        response: { 200: z.record(z.string(), z.unknown()), ...errors },
      },
    },
    async (request) => {
      const { level, dimension, ...which } = request.query;
      const plan = await getPlan(deps, requirePrincipal(request), { year: request.params.year, ...which });
      const head = { id: plan.id, year: plan.year, revision: plan.revision, createdAt: plan.createdAt };
      if (!level) return { ...head, result: plan.result };
      return {
        ...head,
        level,
        ...(dimension ? { dimension } : {}),
        rows: periodRows(plan.result, level, dimension),
      };
    },
  );
}
