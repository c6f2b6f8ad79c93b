/** Progress, forecast and the method's statistics over the API (TanStack Query hooks). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { methodKeys } from '../../method/api/method-keys';
import { dashboardKeys } from './dashboard-keys';

/** Levels and dimensions of GET /api/progress. */
export const LEVELS = ['year', 'quarters', 'months', 'weeks', 'days'] as const;
export const DIMENSIONS = ['none', 'markets', 'classes', 'members'] as const;
export const MEETING_GROUPS = ['none', 'member', 'market', 'class'] as const;
export type Level = (typeof LEVELS)[number];
export type Dimension = (typeof DIMENSIONS)[number];
export type MeetingGroup = (typeof MEETING_GROUPS)[number];
export type PaceStatus = 'ahead' | 'behind' | 'on_track';

/** One row of the progress report (amounts in fen). */
export interface ProgressRow {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly segment: string | null;
  readonly plan: number;
  readonly planToDate: number;
  readonly actual: number;
  readonly difference: number;
  readonly status: PaceStatus;
  readonly remaining: number;
  readonly remainingWorkingDays: number;
  readonly requiredDailyRate: number | null;
}

/** GET /api/progress. */
export interface Progress {
  readonly year: number;
  readonly revision: number;
  readonly asOf: string;
  readonly level: Level;
  readonly dimension: Dimension;
  readonly scope: 'workspace' | 'team';
  readonly rows: readonly ProgressRow[];
  readonly unassigned: { deals: number; amount: number };
}

interface Band {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

/** GET /api/forecast. */
export interface Forecast extends Band {
  readonly year: number;
  readonly asOf: string;
  readonly runs: number;
  readonly target: number;
  readonly signedSoFar: number;
  readonly expected: number;
  readonly probabilityOfTarget: number;
  readonly months: readonly (Band & { month: number; signed: number })[];
  readonly opportunities: number;
  readonly horizonDays: number;
  /** Why: signed so far, the open pipeline per group, new business (means). */
  readonly breakdown: {
    readonly signedSoFar: number;
    readonly groups: readonly {
      readonly group: 'untouched' | 'lead' | 'contacted' | 'qualified' | 'proposal';
      readonly opportunities: number;
      readonly winProbability: number;
      readonly expected: number;
    }[];
    readonly newBusiness: { readonly expected: number; readonly deals: number };
  };
}

/** One row of the meeting statistics (shares in basis points). */
export interface MeetingStatsRow {
  readonly key: string | null;
  readonly label: string | null;
  readonly won: number;
  readonly first: number;
  readonly second: number;
  readonly thirdPlus: number;
  readonly shares: { firstBp: number; secondBp: number; thirdPlusBp: number };
  readonly flags: { firstBelowTarget: boolean; secondAboveTarget: boolean; thirdPlusAboveTarget: boolean };
}

/** GET /api/stats/meetings. */
export interface MeetingStats {
  readonly from: string;
  readonly to: string;
  readonly groupBy: MeetingGroup;
  readonly targets: { firstMinBp: number; secondMaxBp: number; thirdPlusMaxBp: number };
  readonly total: MeetingStatsRow;
  readonly rows: readonly MeetingStatsRow[];
}

/** GET /api/stats/objections. */
export interface ObjectionStats {
  readonly total: number;
  readonly groups: readonly {
    group: string | null;
    label: string | null;
    total: number;
    items: readonly { key: string; labelZh: string; labelEn: string; count: number; shareBp: number }[];
  }[];
  readonly replies: readonly {
    objectionKey: string;
    replyId: string | null;
    replyText: string | null;
    replyZh: string | null;
    replyEn: string | null;
    uses: number;
    signedAfter: number;
    rateBp: number;
  }[];
}

/** One entry of GET /api/objection-types. */
export interface ObjectionType {
  readonly key: string;
  readonly kind: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly archived: boolean;
}

/** Progress vs plan at a level and dimension (keeps the last answer while switching). */
export function useProgress(year: number, level: Level, dimension: Dimension) {
  return useQuery({
    queryKey: dashboardKeys.progress(year, level, dimension),
    queryFn: () => api<Progress>('GET', '/api/progress', { query: { year, level, dimension } }),
    placeholderData: keepPreviousData,
  });
}

/** The year-end forecast. */
export function useForecast(year: number) {
  return useQuery({
    queryKey: dashboardKeys.forecast(year),
    queryFn: () => api<Forecast>('GET', '/api/forecast', { query: { year } }),
  });
}

/** Meeting-number statistics of the year to date. */
export function useMeetingStats(groupBy: MeetingGroup) {
  return useQuery({
    queryKey: dashboardKeys.meetingStats(groupBy),
    queryFn: () => api<MeetingStats>('GET', '/api/stats/meetings', { query: { groupBy } }),
    placeholderData: keepPreviousData,
  });
}

/** Objection counts and reply effectiveness. */
export function useObjectionStats() {
  return useQuery({
    queryKey: dashboardKeys.objectionStats,
    queryFn: () => api<ObjectionStats>('GET', '/api/stats/objections'),
  });
}

/** The objection catalog (labels). */
export function useObjectionTypes() {
  return useQuery({
    queryKey: methodKeys.objectionTypes,
    queryFn: () => api<ObjectionType[]>('GET', '/api/objection-types'),
    staleTime: 300_000,
  });
}
