/**
 * Use cases: read a stored plan revision with its computed decomposition, and list the
 * revisions of a workspace. Every member may read the plan; results are computed from the
 * stored input on read (milliseconds), so they always follow the current holiday data.
 */
import { getPlanQuery } from '../../contract/plans.js';
import { AppError } from '../../domain/errors.js';
import type { PlanResult } from '../../domain/plan/plan.js';
import type { Deps, Principal } from '../context.js';
import { chinaHolidayData } from '../holiday-data.js';
import { parseInput } from '../validation.js';
import { computePlan } from './compute-plan.js';
import type { PlanRevision } from './save-plan.js';

/** A revision and its computed plan. */
export interface PlanWithResult extends PlanRevision {
  readonly result: PlanResult;
}

/** Reads a plan revision of the caller's workspace and computes it. */
export async function getPlan(deps: Deps, principal: Principal, query: unknown): Promise<PlanWithResult> {
  const q = parseInput(getPlanQuery, query);
  let select = deps.db
    .selectFrom('plans')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('year', '=', q.year);
  select = q.revision
    ? select.where('revision', '=', q.revision)
    : select.orderBy('revision', 'desc').limit(1);
  const row = await select.executeTakeFirst();
  if (!row)
    throw new AppError('NOT_FOUND', { entity: 'plan', id: `${q.year}${q.revision ? `#${q.revision}` : ''}` });
  const input = JSON.parse(row.input) as Record<string, unknown>;
  return {
    id: row.id,
    year: row.year,
    revision: row.revision,
    input,
    createdAt: row.created_at,
    createdBy: row.created_by,
    result: computePlan(input, {
      holidays: chinaHolidayData(),
      now: deps.clock(),
      ...(q.date ? { date: q.date } : {}),
    }),
  };
}

/** Lists the plan revisions of the caller's workspace, newest first. */
export async function listPlans(deps: Deps, principal: Principal): Promise<PlanRevision[]> {
  const rows = await deps.db
    .selectFrom('plans')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .orderBy('year', 'desc')
    .orderBy('revision', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    year: row.year,
    revision: row.revision,
    input: JSON.parse(row.input) as Record<string, unknown>,
    createdAt: row.created_at,
    createdBy: row.created_by,
  }));
}
