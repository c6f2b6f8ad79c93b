import { z } from 'zod';

/** Which revision to read: the latest of `year` unless one is named. */
export const getPlanQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  revision: z.coerce.number().int().min(1).optional(),
  date: z.iso.date().optional(),
});
