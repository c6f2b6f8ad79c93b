import { z } from 'zod';

/** Input of createCalendarFeed. */
export const createCalendarFeedInput = z
  .object({
    /** Also offer China's holidays and make-up working days as a second feed (default yes). */
    includeHolidays: z.boolean().default(true),
  })
  .strict();

/** A feed as its owner sees it later (never the token). */
export const calendarFeedView = z
  .object({
    id: z.string(),
    includeHolidays: z.boolean(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'CalendarFeed' });

/** A calendar feed. */
export type CalendarFeedView = z.infer<typeof calendarFeedView>;
