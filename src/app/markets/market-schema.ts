/** A market row as read from the database and its mapping to the API view (the view and the inputs: src/contract/markets.ts). */
import type { Market } from '../../contract/markets.js';
import type { MarketsTable } from '../../db/schema.js';

/** Percent → basis points (12.34 → 1234). */
export function toBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/** A markets row as Kysely returns it. */
export type MarketRow = Omit<MarketsTable, 'cities' | 'version'> & { cities: string; version: number };

/** Row → API shape. */
export function toMarket(row: MarketRow): Market {
  return {
    id: row.id,
    name: row.name,
    cities: JSON.parse(row.cities) as string[],
    sharePercent: row.share_bp / 100,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
