import { z } from 'zod';
import { DEFAULT_RUNS, DEFAULT_SEED } from '../domain/method/forecast.js';
import { PROGRESS_DIMENSIONS, PROGRESS_LEVELS } from '../domain/method/progress.js';

/** Input of {@link computeForecast}. */
export const computeForecastInput = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  seed: z.coerce.number().int().min(0).max(4_294_967_295).default(DEFAULT_SEED),
  runs: z.coerce.number().int().min(100).max(100_000).default(DEFAULT_RUNS),
});

/** Input of {@link computeProgress}. */
export const computeProgressInput = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: z.enum(PROGRESS_LEVELS).default('months'),
  dimension: z.enum(PROGRESS_DIMENSIONS).default('none'),
  asOf: z.iso.date().optional(),
});

/** Input of {@link getToday}. */
export const getTodayInput = z.strictObject({ date: z.iso.date().optional() });
