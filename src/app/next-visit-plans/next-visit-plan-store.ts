/**
 * The next-visit plan (what the next visit must achieve, whom to meet, what to bring) as
 * stored: row → view, input → columns, the values of a new plan, and the insert with its
 * audit entry that the manual plan, the chairman consultation and a stall share. A plan is
 * visible exactly when its customer is.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { NextVisitPlan, updateNextVisitPlanInput } from '../../contract/next-visit-plans.js';
import type { NextVisitPlansTable, Schema } from '../../db/schema.js';
import type { Deps, Principal } from '../context.js';
import { defineRecordStore, plainView, type RecordRow, type RecordValues } from '../record-store.js';

export type NextVisitPlanRow = RecordRow<'next_visit_plans'>;

/** How a next-visit plan's fields are stored; the people to meet as JSON text. */
const nextVisitPlanColumns = {
  status: 'status',
  visitId: 'visit_id',
  goal: 'goal',
  meetWhom: { column: 'meet_whom', write: (meetWhom: readonly string[]) => JSON.stringify(meetWhom) },
  bring: 'bring',
  plannedOn: 'planned_on',
} as const;

/** Next-visit plans; visible when their customer is. */
export const nextVisitPlans = defineRecordStore<
  'next_visit_plans',
  NextVisitPlan,
  Omit<z.infer<typeof updateNextVisitPlanInput>, 'version'>
>({
  table: 'next_visit_plans',
  entity: 'next_visit_plan',
  scope: 'customer-child',
  toView: (row) => ({
    ...plainView(row, nextVisitPlanColumns),
    customerId: row.customer_id,
    source: row.source,
    sourceId: row.source_id,
    meetWhom: JSON.parse(row.meet_whom) as string[],
  }),
  columns: nextVisitPlanColumns,
});

/** What a new plan says; where it came from (`source`, `sourceId`) is the caller's. */
export interface NewNextVisitPlan {
  readonly customerId: string;
  readonly source: NextVisitPlansTable['source'];
  readonly sourceId: string | null;
  readonly goal: string;
  readonly meetWhom: readonly string[];
  readonly bring: string | null;
  readonly plannedOn: string | null;
}

/** The columns of a new plan: open, and not yet done by any visit. */
export function newNextVisitPlanValues(plan: NewNextVisitPlan): RecordValues<'next_visit_plans'> {
  return {
    customer_id: plan.customerId,
    source: plan.source,
    source_id: plan.sourceId,
    goal: plan.goal,
    meet_whom: JSON.stringify(plan.meetWhom),
    bring: plan.bring,
    planned_on: plan.plannedOn,
    status: 'open',
    visit_id: null,
  };
}

/** Inserts a plan with its audit entry (the manual plan and the chairman consultation). */
export async function insertNextVisitPlan(
  trx: Kysely<Schema>,
  deps: Pick<Deps, 'clock' | 'newId'>,
  principal: Principal,
  plan: NewNextVisitPlan,
): Promise<NextVisitPlan> {
  const row = await nextVisitPlans.insert(trx, deps, principal, newNextVisitPlanValues(plan));
  const view = nextVisitPlans.toView(row);
  await nextVisitPlans.audit(trx, deps, principal, 'create', view.id, { after: view });
  return view;
}
