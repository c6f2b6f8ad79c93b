/**
 * Markets as stored: row ↔ view (the view and the inputs: src/contract/markets.ts), input →
 * columns with a new market's defaults, and turning a duplicate name into a field error.
 * Markets are workspace-wide; only managers write them (the use cases check).
 */
import type { z } from 'zod';
import type { CreateMarketInput, Market, marketFields } from '../../contract/markets.js';
import { isUniqueViolation } from '../../db/errors.js';
import { defineRecordStore, type RecordRow, type RecordValues, recordStamps } from '../record-store.js';
import { fieldError } from '../validation.js';

/** Percent → basis points (12.34 → 1234). */
export function toBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/** A markets row as Kysely returns it. */
export type MarketRow = RecordRow<'markets'>;

/** Markets: workspace-wide records; cities are stored as JSON text, the share as basis points. */
export const markets = defineRecordStore<'markets', Market, z.infer<typeof marketFields>>({
  table: 'markets',
  entity: 'market',
  scope: 'workspace',
  toView: (row) => ({
    id: row.id,
    name: row.name,
    cities: JSON.parse(row.cities) as string[],
    sharePercent: row.share_bp / 100,
    ...recordStamps(row),
  }),
  columns: {
    name: 'name',
    cities: { column: 'cities', write: (cities: string[]) => JSON.stringify(cities) },
    sharePercent: { column: 'share_bp', write: toBasisPoints },
  },
});

/** The columns of a new market: the input's, with no cities when it names none. */
export function newMarketValues(input: CreateMarketInput): RecordValues<'markets'> {
  return {
    ...markets.columnsOf({ ...input, cities: input.cities ?? [] }),
    // Spelled out as well: the create input always carries them, columnsOf cannot say so.
    name: input.name,
    share_bp: toBasisPoints(input.sharePercent),
  };
}

/**
 * Runs a write; a violation of the unique (workspace, name) constraint becomes
 * VALIDATION.FAILED on `name`. Detected by the constraint, not by a prior read, so two
 * concurrent writers cannot both win.
 */
export async function uniqueName<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error))
      throw fieldError('name', 'a market with this name exists', '已经有同名的市场');
    throw error;
  }
}
