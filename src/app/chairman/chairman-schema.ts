/** "Must ask the chairman": the consultation as the API sees it, and the zod schema of its input. */
import type { Selectable } from 'kysely';
import type { ChairmanConsultation } from '../../contract/next-visit-plans.js';
import type { ChairmanConsultationsTable } from '../../db/schema.js';

/** Row → API shape. */
export function toChairmanConsultation(row: Selectable<ChairmanConsultationsTable>): ChairmanConsultation {
  return {
    id: row.id,
    customerId: row.customer_id,
    contactId: row.contact_id,
    visitId: row.visit_id,
    closeAttemptId: row.close_attempt_id,
    productView: row.product_view,
    wouldChooseFirst: row.would_choose_first,
    chairmanFollowsAdvice: row.chairman_follows_advice,
    biggestObstacle: row.biggest_obstacle,
    verdict: row.verdict,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
