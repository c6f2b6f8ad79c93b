/** Markets in the API: the record, its inputs and the list query. */
import { z } from 'zod';
import { page, recordStamps, text, updateInputOf } from './common.js';
import { recordRoutes } from './http.js';

/** A percentage 0–100 with at most two decimals, stored exactly as basis points (hundredths of a percent). */
export const sharePercent = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
    message: 'The share can have at most two decimals',
    params: { zh: '占比最多保留两位小数' },
  });

/** Fields a manager may set on a market; anything else is rejected. */
export const marketFields = z.strictObject({
  name: text(200),
  cities: z.array(text(100)).max(200).optional(),
  sharePercent,
});

/** Body of "create a market". */
export const createMarketInput = marketFields;

export type CreateMarketInput = z.infer<typeof createMarketInput>;

/** Body of "update a market": any subset of the fields plus the version last read. */
export const updateMarketInput = updateInputOf(marketFields);

/** A market as returned by the API. */
export const marketView = z.object({
  id: z.string(),
  name: z.string(),
  cities: z.array(z.string()),
  sharePercent: z.number(),
  ...recordStamps,
});

export type Market = z.infer<typeof marketView>;

/** Query of "list markets". */
export const listMarketsQuery = z.strictObject(page);

/** The market routes. */
export const marketRoutes = recordRoutes('markets', 'market', {
  view: marketView,
  createInput: createMarketInput,
  updateInput: updateMarketInput,
  listQuery: listMarketsQuery,
});
