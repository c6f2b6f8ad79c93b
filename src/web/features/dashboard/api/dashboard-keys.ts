/**
 * Query keys of the dashboard: progress, forecast and the statistics (one place names
 * each, so a write invalidates what the reads cached). Plain data: no imports, no cycles.
 */
export const dashboardKeys = {
  /** Progress at every level and dimension. */
  allProgress: ['progress'],
  /** Progress vs plan at a level and dimension. */
  progress: (year: number, level: string, dimension: string) => ['progress', year, level, dimension] as const,
  /** Every year's forecast. */
  allForecasts: ['forecast'],
  /** The year-end forecast. */
  forecast: (year: number) => ['forecast', year] as const,
  /** Every statistic: the dashboard's and the seminars'. */
  allStats: ['stats'],
  /** Meeting-number statistics. */
  meetingStats: (groupBy: string) => ['stats', 'meetings', groupBy] as const,
  /** Objection counts and reply effectiveness. */
  objectionStats: ['stats', 'objections'],
} as const;
