/** The method's statistics in the API: at which meeting customers closed, objections and replies, seminar results. */
import { z } from 'zod';
import { RECORD_ERRORS, route } from './http.js';

export const MEETING_STATS_GROUPS = ['none', 'member', 'market', 'class'] as const;

/** Query of the meeting statistics; `from` defaults to 1 January of this year, `to` to today. */
export const meetingStatsQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  groupBy: z.enum(MEETING_STATS_GROUPS).default('none'),
});

const bp = z.number().int();

const statsRow = z.object({
  /** The member's membership id, the market id or the class; null for none / unassigned / the total. */
  key: z.string().nullable(),
  label: z.string().nullable(),
  won: z.number().int(),
  first: z.number().int(),
  second: z.number().int(),
  thirdPlus: z.number().int(),
  shares: z.object({ firstBp: bp, secondBp: bp, thirdPlusBp: bp }),
  flags: z.object({
    firstBelowTarget: z.boolean(),
    secondAboveTarget: z.boolean(),
    thirdPlusAboveTarget: z.boolean(),
  }),
});

/** The statistics as the API returns them (shares and targets in basis points). */
export const meetingStatsView = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(MEETING_STATS_GROUPS),
  targets: z.object({ firstMinBp: bp, secondMaxBp: bp, thirdPlusMaxBp: bp }),
  total: statsRow,
  rows: z.array(statsRow),
});

export type MeetingStats = z.infer<typeof meetingStatsView>;

/** Query of the objection analytics: `from` and `to` (inclusive) bound the attempts' dates. */
export const objectionStatsQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  groupBy: z.enum(['none', 'market', 'class', 'member']).default('none'),
});

/** The analytics as the API shows them; shares and rates are in hundredths of a percent. */
export const objectionStatsView = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  groupBy: z.enum(['none', 'market', 'class', 'member']),
  total: z.int(),
  groups: z.array(
    z.object({
      /** The market id, class, membership id, or null ("no market", or groupBy none). */
      group: z.string().nullable(),
      label: z.string().nullable(),
      total: z.int(),
      items: z.array(
        z.object({
          key: z.string(),
          labelZh: z.string(),
          labelEn: z.string(),
          count: z.int(),
          shareBp: z.int(),
        }),
      ),
    }),
  ),
  replies: z.array(
    z.object({
      objectionKey: z.string(),
      replyId: z.string().nullable(),
      replyText: z.string().nullable(),
      replyZh: z.string().nullable(),
      replyEn: z.string().nullable(),
      uses: z.int(),
      signedAfter: z.int(),
      rateBp: z.int(),
    }),
  ),
});

export type ObjectionStats = z.infer<typeof objectionStatsView>;

/**
 * Query of "seminar statistics": from/to inclusive (default the year to date); `class`
 * limits both groups to customers of one class (e.g. `new`: how seminars work on prospects).
 */
export const seminarStatsQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  class: z.enum(['A', 'B', 'C', 'new']).optional(),
});

const rate = z.number().nullable().describe('percent with two decimals; null when nothing to divide by');

/** The statistics as returned by the API. */
export const seminarStatsView = z.object({
  from: z.string(),
  to: z.string(),
  class: z.enum(['A', 'B', 'C', 'new']).nullable(),
  signingWindowDays: z.int(),
  seminars: z.array(
    z.object({
      seminarId: z.string(),
      title: z.string(),
      heldOn: z.string(),
      status: z.string(),
      invited: z.int(),
      accepted: z.int(),
      attended: z.int(),
      signed: z.int(),
      signRatePercent: rate,
    }),
  ),
  total: z.object({
    invited: z.int(),
    accepted: z.int(),
    attended: z.int(),
    signed: z.int(),
    signRatePercent: rate,
  }),
  meetingOnly: z.object({ customers: z.int(), signed: z.int(), signRatePercent: rate }),
  /** Seminar sign rate minus meeting-only sign rate, in percentage points. */
  differencePoints: z.number().nullable(),
});

export type SeminarStats = z.infer<typeof seminarStatsView>;

/** The statistics routes. */
export const statsRoutes = {
  meetings: route({
    method: 'GET',
    path: '/api/stats/meetings',
    summary:
      'At which meeting won customers closed (1st / 2nd / 3rd+) against the 65 / 25 / 10 % of the method',
    tags: ['stats'],
    query: meetingStatsQuery,
    status: 200,
    response: meetingStatsView,
    errors: RECORD_ERRORS,
  }),
  objections: route({
    method: 'GET',
    path: '/api/stats/objections',
    summary: 'Objections by key (overall or per market, class, member) and reply effectiveness',
    tags: ['stats'],
    query: objectionStatsQuery,
    status: 200,
    response: objectionStatsView,
    errors: RECORD_ERRORS,
  }),
  seminars: route({
    method: 'GET',
    path: '/api/stats/seminars',
    summary:
      'Seminar results per seminar (invited, accepted, attended, signed within 60 days) against meeting-only customers',
    tags: ['seminars'],
    query: seminarStatsQuery,
    status: 200,
    response: seminarStatsView,
    errors: RECORD_ERRORS,
  }),
};
