/** Small zod building blocks shared by the contract's inputs and queries. */
import { z } from 'zod';

/** A boolean query parameter, given as JSON or as a query-string word ("true" / "false"). */
export const queryFlag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** A required text field: trimmed, not empty, at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** The page of a list query: how many records (1–200, default 50) and where the next page starts. */
export const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};

/**
 * The largest value the databases' integer columns hold (PostgreSQL's `integer` is 32-bit):
 * a version, revision or chain version above it is refused as input with a field error,
 * never sent to the database (where PostgreSQL would fail the query).
 */
export const INT_COLUMN_MAX = 2_147_483_647;

/** A record's version as a write carries it: 1 up to what its column holds. */
export const versionNumber = z.int().min(1).max(INT_COLUMN_MAX);

/** A revision or version named in a query string: 1 up to what its column holds. */
export const revisionQuery = z.coerce.number().int().min(1).max(INT_COLUMN_MAX);

/** The last fields of a stored record's view: when it was created and changed, and its version. */
export const recordStamps = {
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
};

/**
 * Body of "update a record": any subset of its `fields` plus the version last read, which
 * the store checks (a stale one is refused with CONFLICT.STALE).
 */
export function updateInputOf<Shape extends z.core.$ZodLooseShape>(
  fields: z.ZodObject<Shape, z.core.$strict>,
) {
  return fields.partial().extend({ version: versionNumber });
}
