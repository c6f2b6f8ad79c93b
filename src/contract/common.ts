/** Small zod building blocks shared by the contract's inputs and queries. */
import { z } from 'zod';

/** A boolean query parameter, given as JSON or as a query-string word ("true" / "false"). */
export const queryFlag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** A required text field: trimmed, not empty, at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
