/** The next-visit plan (what the next visit must achieve, whom to meet, what to bring) and its inputs. */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { NextVisitPlansTable } from '../../db/schema.js';

export const NEXT_VISIT_PLAN_STATUSES = ['open', 'done', 'dropped'] as const;
export const NEXT_VISIT_PLAN_SOURCES = ['chairman', 'stall', 'visit', 'manual'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

/** Body of "plan the next visit" (a manual plan). */
export const createNextVisitPlanInput = z.strictObject({
  goal: text(1000),
  meetWhom: z.array(text(200)).max(20).optional(),
  bring: text(1000).nullable().optional(),
  plannedOn: z.iso.date().nullable().optional(),
});

/** Body of "change a next-visit plan": mark it done (with the visit that did it) or dropped, or edit it. */
export const updateNextVisitPlanInput = z.strictObject({
  status: z.enum(NEXT_VISIT_PLAN_STATUSES).optional(),
  visitId: z.uuid().nullable().optional(),
  goal: text(1000).optional(),
  meetWhom: z.array(text(200)).max(20).optional(),
  bring: text(1000).nullable().optional(),
  plannedOn: z.iso.date().nullable().optional(),
  version: z.number().int().min(1),
});

/** A next-visit plan as returned by the API. */
export const nextVisitPlanView = z.object({
  id: z.string(),
  customerId: z.string(),
  source: z.enum(NEXT_VISIT_PLAN_SOURCES),
  sourceId: z.string().nullable(),
  goal: z.string(),
  meetWhom: z.array(z.string()),
  bring: z.string().nullable(),
  plannedOn: z.string().nullable(),
  status: z.enum(NEXT_VISIT_PLAN_STATUSES),
  visitId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type NextVisitPlan = z.infer<typeof nextVisitPlanView>;

/** Row → API shape. */
export function toNextVisitPlan(row: Selectable<NextVisitPlansTable>): NextVisitPlan {
  return {
    id: row.id,
    customerId: row.customer_id,
    source: row.source,
    sourceId: row.source_id,
    goal: row.goal,
    meetWhom: JSON.parse(row.meet_whom) as string[],
    bring: row.bring,
    plannedOn: row.planned_on,
    status: row.status,
    visitId: row.visit_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
