/** Visits in the API: the record, its inputs, the warnings a save answers with, the list query. */
import { z } from 'zod';
import { page, recordStamps, text, updateInputOf } from './common.js';
import { recordRoutes } from './http.js';

/** A visit's state: only visits that are not cancelled count as meetings. */
export const VISIT_STATUSES = ['planned', 'done', 'cancelled'] as const;

const longText = z.string().max(10_000).nullable().optional();

/** Fields a caller may set on a visit; anything else is rejected. */
export const visitFields = z.strictObject({
  customerId: z.uuid(),
  visitOn: z.iso.date(),
  ownerId: z.uuid().nullable().optional(),
  attendees: z.array(text(200)).max(50).optional(),
  purpose: text(500).nullable().optional(),
  outcome: longText,
  notes: longText,
  nextStep: text(1000).nullable().optional(),
  /** planned (scheduled), done (held; the default) or cancelled (not a meeting). */
  status: z.enum(VISIT_STATUSES).optional(),
  /** Why a third or later meeting with this customer is worth it. */
  thirdMeetingReason: text(1000).nullable().optional(),
});

/** Body of "log a visit". */
export const createVisitInput = visitFields;

export type CreateVisitInput = z.infer<typeof createVisitInput>;

/** Body of "update a visit": any subset of the fields plus the version last read. */
export const updateVisitInput = updateInputOf(visitFields);

export type UpdateVisitInput = z.infer<typeof updateVisitInput>;

/** A visit as returned by the API. */
export const visitView = z.object({
  id: z.string(),
  customerId: z.string(),
  ownerId: z.string().nullable(),
  visitOn: z.string(),
  attendees: z.array(z.string()),
  purpose: z.string().nullable(),
  outcome: z.string().nullable(),
  notes: z.string().nullable(),
  nextStep: z.string().nullable(),
  /** 1, 2, 3 … with this customer; null for a cancelled visit. */
  meetingNumber: z.number().int().nullable(),
  status: z.enum(VISIT_STATUSES),
  thirdMeetingReason: z.string().nullable(),
  ...recordStamps,
});

export type Visit = z.infer<typeof visitView>;

/** A warning returned with a written visit (a third meeting …), in both languages. */
export const visitWarningView = z.object({ code: z.string(), zh: z.string(), en: z.string() });

/** The answer to "log a visit" and "update a visit": the visit and what the salesperson must see. */
export const visitWriteView = visitView.extend({ warnings: z.array(visitWarningView) });

export type VisitWrite = z.infer<typeof visitWriteView>;

/** Query of "list visits": `from` and `to` are inclusive. */
export const listVisitsQuery = z.strictObject({
  customerId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...page,
});

/** The visit routes; a save answers the visit with its warnings (a third meeting …). */
export const visitRoutes = recordRoutes('visits', 'visit', {
  view: visitView,
  writeView: visitWriteView,
  createInput: createVisitInput,
  updateInput: updateVisitInput,
  listQuery: listVisitsQuery,
});
