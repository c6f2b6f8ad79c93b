/** Plans in the API: saving a revision, the revisions, reading a plan whole or at one level and dimension. */
import { z } from 'zod';
import { revisionQuery } from './common.js';
import { RECORD_ERRORS, route } from './http.js';

/** Which revision to read: the latest of `year` unless one is named. */
export const getPlanQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  revision: revisionQuery.optional(),
  date: z.iso.date().optional(),
});

/** A stored plan revision. */
export const planRevisionView = z.object({
  id: z.string(),
  year: z.number().int(),
  revision: z.number().int(),
  input: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type PlanRevision = z.infer<typeof planRevisionView>;

/** The levels a plan can be read at. */
export const PLAN_LEVELS = ['year', 'quarters', 'months', 'weeks', 'days'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];
/** The dimensions a level's amounts can be split by. */
export const PLAN_DIMENSIONS = ['markets', 'classes', 'members'] as const;
export type PlanDimension = (typeof PLAN_DIMENSIONS)[number];

/** Query of "read a plan": which revision, and optionally one level (and dimension) of it. */
export const readPlanQuery = z.strictObject({
  revision: revisionQuery.optional(),
  date: z.iso.date().optional(),
  level: z.enum(PLAN_LEVELS).optional(),
  dimension: z.enum(PLAN_DIMENSIONS).optional(),
});
export type ReadPlanQuery = z.output<typeof readPlanQuery>;

/** One period of a level read: its amount and, with a dimension, the amount per name (fen). */
export const planPeriodRow = z.object({
  period: z.string(),
  amount: z.number().int(),
  by: z.record(z.string(), z.number().int()).optional(),
});
export type PlanPeriodRow = z.infer<typeof planPeriodRow>;

const planHead = {
  id: z.string(),
  year: z.number().int(),
  revision: z.number().int(),
  createdAt: z.string(),
};

/** A plan read: the whole decomposition (the domain's PlanResult), or one level's rows. */
export const planReadView = z.union([
  z.object({ ...planHead, result: z.record(z.string(), z.unknown()) }),
  z.object({
    ...planHead,
    level: z.enum(PLAN_LEVELS),
    dimension: z.enum(PLAN_DIMENSIONS).optional(),
    rows: z.array(planPeriodRow),
  }),
]);

const tags = ['plans'];

/** The plan routes. */
export const planRoutes = {
  save: route({
    method: 'POST',
    path: '/api/plans',
    summary: 'Save a new revision of a year’s plan (the settings of `closer plan`; managers)',
    tags,
    body: z.record(z.string(), z.unknown()),
    status: 201,
    response: planRevisionView,
    errors: RECORD_ERRORS,
  }),
  list: route({
    method: 'GET',
    path: '/api/plans',
    summary: 'List plan revisions, newest first',
    tags,
    status: 200,
    response: z.array(planRevisionView),
    errors: RECORD_ERRORS,
  }),
  read: route({
    method: 'GET',
    path: '/api/plans/:year',
    summary:
      'Read a plan: the whole decomposition, or one level (and dimension) of it; amounts in minor units',
    tags,
    params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
    query: readPlanQuery,
    status: 200,
    response: planReadView,
    errors: RECORD_ERRORS,
  }),
};
