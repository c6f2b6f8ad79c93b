/**
 * Use case: save a workspace's plan for a year. Plans are versioned: every save is a new
 * revision, earlier ones stay readable. The input is validated by the planning engine
 * itself (the same rules as `closer plan`), so a plan that is stored can always be computed.
 */

import { parsePlanSettings } from '../../domain/plan/settings.js';
import { requireManager } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { chinaHolidayData } from '../holiday-data.js';
import { nextNumber } from '../workspace/workspace-store.js';
import { computePlan } from './compute-plan.js';

/** A stored plan revision (without its computed result). */
export interface PlanRevision {
  readonly id: string;
  readonly year: number;
  readonly revision: number;
  readonly input: Record<string, unknown>;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

/** Saves `input` as the next revision of its year's plan; managers only. */
export async function savePlan(deps: Deps, principal: Principal, input: unknown): Promise<PlanRevision> {
  requireManager(principal);
  const settings = parsePlanSettings(input);
  // Compute once before storing: an input the engine cannot plan (no working day left…) is refused now.
  computePlan(input, { holidays: chinaHolidayData(), now: deps.clock() });
  const createdAt = deps.clock().toISOString();
  const stored = JSON.stringify(input);
  return insertRevision(deps, principal, settings.year, stored, createdAt);
}

async function insertRevision(
  deps: Deps,
  principal: Principal,
  year: number,
  stored: string,
  createdAt: string,
): Promise<PlanRevision> {
  return deps.db.transaction().execute(async (trx) => {
    // Saves at once (two managers, two instances) number their revisions one after the other.
    const revision = await nextNumber(trx, principal.workspaceId, 'plans', year);
    const id = deps.newId();
    await trx
      .insertInto('plans')
      .values({
        id,
        workspace_id: principal.workspaceId,
        year,
        revision,
        input: stored,
        created_by: principal.userId,
        created_at: createdAt,
      })
      .execute();
    await recordAudit(trx, deps, principal, {
      entity: 'plan',
      entityId: id,
      action: 'create',
      after: { year, revision },
    });
    return {
      id,
      year,
      revision,
      input: JSON.parse(stored) as Record<string, unknown>,
      createdAt,
      createdBy: principal.userId,
    };
  });
}
