/** The next-visit plan (what the next visit must achieve, whom to meet, what to bring) and its inputs. */
import type { Selectable } from 'kysely';
import type { NextVisitPlan } from '../../contract/next-visit-plans.js';
import type { NextVisitPlansTable } from '../../db/schema.js';

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
