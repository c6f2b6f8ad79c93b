/** Progress, forecast and the method's statistics over the API (TanStack Query hooks). */
import { keepPreviousData } from '@tanstack/react-query';
import { objectionTypeRoutes } from '../../../../contract/method.js';
import { progressRoutes } from '../../../../contract/progress.js';
import { MEETING_STATS_GROUPS, statsRoutes } from '../../../../contract/stats.js';
import {
  PROGRESS_DIMENSIONS,
  PROGRESS_LEVELS,
  type ProgressDimension,
  type ProgressLevel,
} from '../../../../domain/method/progress.js';
import { useRouteQuery } from '../../../lib/api';
import { methodKeys } from '../../method/api/method-keys';
import { dashboardKeys } from './dashboard-keys';

export type { ObjectionTypeView as ObjectionType } from '../../../../contract/method.js';
export type {
  Forecast,
  PaceStatus,
  Progress,
  ProgressRow,
} from '../../../../contract/progress.js';
export type { MeetingStats, ObjectionStats } from '../../../../contract/stats.js';

/** Levels and dimensions of GET /api/progress, and the groupings of the meeting statistics. */
export const LEVELS = PROGRESS_LEVELS;
export const DIMENSIONS = PROGRESS_DIMENSIONS;
export const MEETING_GROUPS = MEETING_STATS_GROUPS;
export type Level = ProgressLevel;
export type Dimension = ProgressDimension;
export type MeetingGroup = (typeof MEETING_GROUPS)[number];

/** Progress vs plan at a level and dimension (keeps the last answer while switching). */
export function useProgress(year: number, level: Level, dimension: Dimension) {
  return useRouteQuery(
    dashboardKeys.progress(year, level, dimension),
    progressRoutes.progress,
    { query: { year, level, dimension } },
    { placeholderData: keepPreviousData },
  );
}

/** The year-end forecast. */
export function useForecast(year: number) {
  return useRouteQuery(dashboardKeys.forecast(year), progressRoutes.forecast, { query: { year } });
}

/** Meeting-number statistics of the year to date. */
export function useMeetingStats(groupBy: MeetingGroup) {
  return useRouteQuery(
    dashboardKeys.meetingStats(groupBy),
    statsRoutes.meetings,
    { query: { groupBy } },
    { placeholderData: keepPreviousData },
  );
}

/** Objection counts and reply effectiveness. */
export function useObjectionStats() {
  return useRouteQuery(dashboardKeys.objectionStats, statsRoutes.objections);
}

/** The objection catalog (labels). */
export function useObjectionTypes() {
  return useRouteQuery(methodKeys.objectionTypes, objectionTypeRoutes.list, undefined, {
    staleTime: 300_000,
  });
}
