/** Follow-ups in the API: the record, its inputs and the list query. */
import { z } from 'zod';
import { page, queryFlag, recordStamps, text, updateInputOf } from './common.js';
import { recordRoutes } from './http.js';

/** Fields a caller may set on a follow-up; anything else is rejected. */
export const followUpFields = z.strictObject({
  customerId: z.uuid(),
  dueOn: z.iso.date(),
  kind: text(50),
  notes: z.string().max(10_000).nullable().optional(),
  assigneeId: z.uuid().nullable().optional(),
  done: z.boolean().optional(),
});

/** Body of "create a follow-up". */
export const createFollowUpInput = followUpFields;

export type CreateFollowUpInput = z.infer<typeof createFollowUpInput>;

/** Body of "update a follow-up": any subset of the fields plus the version last read. */
export const updateFollowUpInput = updateInputOf(followUpFields);

/** A follow-up as returned by the API; `doneAt` is the instant it was marked done. */
export const followUpView = z.object({
  id: z.string(),
  customerId: z.string(),
  assigneeId: z.string().nullable(),
  dueOn: z.string(),
  kind: z.string(),
  notes: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  /** The close attempt (a stall) that created this follow-up, if any. */
  closeAttemptId: z.string().nullable(),
  ...recordStamps,
});

export type FollowUp = z.infer<typeof followUpView>;

/** Query of "list follow-ups"; `overdue: true` keeps the open ones due before today (in the workspace's time zone). */
export const listFollowUpsQuery = z.strictObject({
  customerId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  done: queryFlag.optional(),
  overdue: queryFlag.optional(),
  ...page,
});

/** The follow-up routes. */
export const followUpRoutes = recordRoutes('follow-ups', 'follow-up', {
  view: followUpView,
  createInput: createFollowUpInput,
  updateInput: updateFollowUpInput,
  listQuery: listFollowUpsQuery,
});
