/** "Must ask the chairman": the consultation as the API sees it, and the zod schema of its input. */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { ChairmanConsultationsTable } from '../../db/schema.js';
import { ANSWERS3 } from '../../domain/method/chairman.js';
import { followUpView } from '../follow-ups/follow-up-schema.js';
import { nextVisitPlanView } from '../next-visit-plans/next-visit-plan-schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Body of "record a chairman consultation": the contact's answers to the four questions. */
export const recordChairmanConsultationInput = z.strictObject({
  contactId: z.uuid(),
  visitId: z.uuid().nullable().optional(),
  closeAttemptId: z.uuid().nullable().optional(),
  /** "What do you think of our product?" */
  productView: text(2000),
  /** "If it were your call, would you choose it first?" */
  wouldChooseFirst: z.enum(ANSWERS3),
  /** "Will the chairman follow your advice?" */
  chairmanFollowsAdvice: z.enum(ANSWERS3),
  /** "If he does not choose us, what would the biggest reason be?" */
  biggestObstacle: text(2000),
  nextVisit: z
    .strictObject({
      goal: text(1000).optional(),
      meetWhom: z.array(text(200)).max(20).optional(),
      bring: text(1000).optional(),
      plannedOn: z.iso.date().optional(),
    })
    .optional(),
});

export const VERDICTS = ['key_person', 'champion', 'neither'] as const;

/** A consultation as returned by the API. */
export const chairmanConsultationView = z.object({
  id: z.string(),
  customerId: z.string(),
  contactId: z.string().nullable(),
  visitId: z.string().nullable(),
  closeAttemptId: z.string().nullable(),
  productView: z.string().nullable(),
  wouldChooseFirst: z.enum(ANSWERS3),
  chairmanFollowsAdvice: z.enum(ANSWERS3),
  biggestObstacle: z.string().nullable(),
  /** key_person: their recommendation decides; champion: on our side, not deciding; neither. */
  verdict: z.enum(VERDICTS),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ChairmanConsultation = z.infer<typeof chairmanConsultationView>;

/** The answer to "record a consultation": it, the next-visit plan and the follow-up it created. */
export const recordedConsultationView = chairmanConsultationView.extend({
  nextVisitPlan: nextVisitPlanView,
  followUp: followUpView,
});
export type RecordedConsultation = z.infer<typeof recordedConsultationView>;

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
