/** Use case: change a next-visit plan (done with the visit that achieved it, dropped, or edited). */

import { type NextVisitPlan, updateNextVisitPlanInput } from '../../contract/next-visit-plans.js';
import { AppError } from '../../domain/errors.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { checkCustomerChild } from '../customers/customer-children.js';
import { visibleCustomerIds } from '../customers/visible-customer.js';
import { parseInput } from '../validation.js';
import { toNextVisitPlan } from './next-visit-plan-schema.js';

/**
 * Applies the fields if `version` is current (else CONFLICT.STALE); NOT_FOUND for a plan
 * whose customer the caller cannot see; `visitId` must be a visit to the same customer.
 */
export async function updateNextVisitPlan(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<NextVisitPlan> {
  const { version, ...fields } = parseInput(updateNextVisitPlanInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('next_visit_plans')
      .selectAll()
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .where('customer_id', 'in', visibleCustomerIds(trx, principal))
      .executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { entity: 'next_visit_plan', id });
    if (before.version !== version) {
      throw new AppError('CONFLICT.STALE', {
        entity: 'next_visit_plan',
        id,
        version,
        currentVersion: before.version,
      });
    }
    await checkCustomerChild(
      trx,
      principal.workspaceId,
      before.customer_id,
      'visits',
      fields.visitId,
      'visitId',
    );
    const result = await trx
      .updateTable('next_visit_plans')
      .set({
        ...(fields.status !== undefined ? { status: fields.status } : {}),
        ...(fields.visitId !== undefined ? { visit_id: fields.visitId } : {}),
        ...(fields.goal !== undefined ? { goal: fields.goal } : {}),
        ...(fields.meetWhom !== undefined ? { meet_whom: JSON.stringify(fields.meetWhom) } : {}),
        ...(fields.bring !== undefined ? { bring: fields.bring } : {}),
        ...(fields.plannedOn !== undefined ? { planned_on: fields.plannedOn } : {}),
        updated_at: deps.clock().toISOString(),
        version: version + 1,
      })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!result) throw new AppError('CONFLICT.STALE', { entity: 'next_visit_plan', id, version });
    const after = toNextVisitPlan(result);
    await recordAudit(trx, deps, principal, {
      entity: 'next_visit_plan',
      entityId: id,
      action: 'update',
      before: toNextVisitPlan(before),
      after,
    });
    return after;
  });
}
