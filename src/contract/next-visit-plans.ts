/** Next-visit plans and "must ask the chairman" consultations (which plan the next visit) in the API. */
import { z } from 'zod';
import { ANSWERS3 } from '../domain/method/chairman.js';
import { recordStamps, text, versionNumber } from './common.js';
import { followUpView } from './follow-ups.js';
import { idParams, RECORD_ERRORS, route } from './http.js';

export const NEXT_VISIT_PLAN_STATUSES = ['open', 'done', 'dropped'] as const;

export const NEXT_VISIT_PLAN_SOURCES = ['chairman', 'stall', 'visit', 'manual'] as const;

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
  version: versionNumber,
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
  ...recordStamps,
});

export type NextVisitPlan = z.infer<typeof nextVisitPlanView>;

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
  ...recordStamps,
});

export type ChairmanConsultation = z.infer<typeof chairmanConsultationView>;

/** The answer to "record a consultation": it, the next-visit plan and the follow-up it created. */
export const recordedConsultationView = chairmanConsultationView.extend({
  nextVisitPlan: nextVisitPlanView,
  followUp: followUpView,
});

export type RecordedConsultation = z.infer<typeof recordedConsultationView>;

/** A customer's chairman consultations and next-visit plans. */
export const nextVisitRoutes = {
  listConsultations: route({
    method: 'GET',
    path: '/api/customers/:id/chairman-consultations',
    summary: 'A customer’s "must ask the chairman" consultations, newest first',
    tags: ['customers'],
    params: idParams,
    status: 200,
    response: z.array(chairmanConsultationView),
    errors: RECORD_ERRORS,
  }),
  recordConsultation: route({
    method: 'POST',
    path: '/api/customers/:id/chairman-consultations',
    summary:
      'Record a "must ask the chairman" consultation: the verdict, a next-visit plan and a follow-up for the owner',
    tags: ['customers'],
    params: idParams,
    body: recordChairmanConsultationInput,
    status: 201,
    response: recordedConsultationView,
    errors: RECORD_ERRORS,
  }),
  listPlans: route({
    method: 'GET',
    path: '/api/customers/:id/next-visit-plans',
    summary: "A customer's next-visit plans, open ones first",
    tags: ['customers'],
    params: idParams,
    status: 200,
    response: z.array(nextVisitPlanView),
    errors: RECORD_ERRORS,
  }),
  createPlan: route({
    method: 'POST',
    path: '/api/customers/:id/next-visit-plans',
    summary: 'Plan the next visit to a customer: its goal, whom to meet, what to bring',
    tags: ['customers'],
    params: idParams,
    body: createNextVisitPlanInput,
    status: 201,
    response: nextVisitPlanView,
    errors: RECORD_ERRORS,
  }),
  updatePlan: route({
    method: 'PATCH',
    path: '/api/next-visit-plans/:id',
    summary:
      'Change a next-visit plan: done (with the visit), dropped, or edited (send the version you read)',
    tags: ['next-visit-plans'],
    params: idParams,
    body: updateNextVisitPlanInput,
    status: 200,
    response: nextVisitPlanView,
    errors: RECORD_ERRORS,
  }),
};
