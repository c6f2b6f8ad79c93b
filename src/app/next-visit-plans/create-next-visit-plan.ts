/** Use case: plan the next visit to a customer by hand (source `manual`). */
import type { Kysely } from 'kysely';
import { createNextVisitPlanInput, type NextVisitPlan } from '../../contract/next-visit-plans.js';
import type { NextVisitPlansTable, Schema } from '../../db/schema.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { requireVisibleCustomer } from '../customers/visible-customer.js';
import { parseInput } from '../validation.js';
import { toNextVisitPlan } from './next-visit-plan-schema.js';

/** Inserts a plan row with its audit entry (also used by the chairman consultation). */
export async function insertNextVisitPlan(
  trx: Kysely<Schema>,
  deps: Deps,
  principal: Principal,
  plan: {
    customerId: string;
    source: NextVisitPlansTable['source'];
    sourceId: string | null;
    goal: string;
    meetWhom: readonly string[];
    bring: string | null;
    plannedOn: string | null;
  },
): Promise<NextVisitPlan> {
  const now = deps.clock().toISOString();
  const row = await trx
    .insertInto('next_visit_plans')
    .values({
      id: deps.newId(),
      workspace_id: principal.workspaceId,
      customer_id: plan.customerId,
      source: plan.source,
      source_id: plan.sourceId,
      goal: plan.goal,
      meet_whom: JSON.stringify(plan.meetWhom),
      bring: plan.bring,
      planned_on: plan.plannedOn,
      status: 'open',
      visit_id: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = toNextVisitPlan(row);
  await recordAudit(trx, deps, principal, {
    entity: 'next_visit_plan',
    entityId: view.id,
    action: 'create',
    after: view,
  });
  return view;
}

/** Plans the next visit to a customer the caller may see (NOT_FOUND otherwise). */
export async function createNextVisitPlan(
  deps: Deps,
  principal: Principal,
  customerId: string,
  input: unknown,
): Promise<NextVisitPlan> {
  const body = parseInput(createNextVisitPlanInput, input);
  return deps.db.transaction().execute(async (trx) => {
    await requireVisibleCustomer(trx, principal, customerId);
    return insertNextVisitPlan(trx, deps, principal, {
      customerId,
      source: 'manual',
      sourceId: null,
      goal: body.goal,
      meetWhom: body.meetWhom ?? [],
      bring: body.bring ?? null,
      plannedOn: body.plannedOn ?? null,
    });
  });
}
