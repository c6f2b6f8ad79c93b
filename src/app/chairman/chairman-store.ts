/**
 * "Must ask the chairman": the consultation as stored — row → view, input → columns, and the
 * columns of a new consultation with the verdict its answers give. A consultation is visible
 * exactly when its customer is.
 */
import type { z } from 'zod';
import type {
  ChairmanConsultation,
  recordChairmanConsultationInput,
} from '../../contract/next-visit-plans.js';
import { chairmanVerdict } from '../../domain/method/chairman.js';
import { defineRecordStore, plainView, type RecordValues } from '../record-store.js';

/** The answers of a consultation, as the input carries them (the next visit is not stored here). */
export type ChairmanConsultationFields = Omit<z.infer<typeof recordChairmanConsultationInput>, 'nextVisit'>;

/** How a chairman consultation's fields are stored (each as its own column). */
const consultationColumns = {
  contactId: 'contact_id',
  visitId: 'visit_id',
  closeAttemptId: 'close_attempt_id',
  productView: 'product_view',
  wouldChooseFirst: 'would_choose_first',
  chairmanFollowsAdvice: 'chairman_follows_advice',
  biggestObstacle: 'biggest_obstacle',
} as const;

/** Chairman consultations; visible when their customer is. */
export const chairmanConsultations = defineRecordStore<
  'chairman_consultations',
  ChairmanConsultation,
  ChairmanConsultationFields
>({
  table: 'chairman_consultations',
  entity: 'chairman_consultation',
  scope: 'customer-child',
  toView: (row) => ({
    ...plainView(row, consultationColumns),
    customerId: row.customer_id,
    verdict: row.verdict,
  }),
  columns: consultationColumns,
});

/**
 * The columns of a new consultation of the customer: the answers (no visit or close attempt
 * unless named) and the verdict they give — key person, champion or neither.
 */
export function newChairmanConsultationValues(
  customerId: string,
  input: ChairmanConsultationFields,
): RecordValues<'chairman_consultations'> {
  return {
    customer_id: customerId,
    contact_id: input.contactId,
    visit_id: input.visitId ?? null,
    close_attempt_id: input.closeAttemptId ?? null,
    product_view: input.productView,
    would_choose_first: input.wouldChooseFirst,
    chairman_follows_advice: input.chairmanFollowsAdvice,
    biggest_obstacle: input.biggestObstacle,
    verdict: chairmanVerdict(input.wouldChooseFirst, input.chairmanFollowsAdvice),
  };
}
