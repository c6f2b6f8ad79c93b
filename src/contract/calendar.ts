/** Calendar feeds in the API: create, list and revoke them, and the public ICS URLs calendar apps poll. */
import { z } from 'zod';
import { noContent, route } from './http.js';

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

/** A feed just created: with its secret URLs, shown once. */
export const createdCalendarFeedView = calendarFeedView.extend({
  /** The personal feed's URL with its secret token: shown once. */
  url: z.string(),
  /** The same with webcal://, which opens the subscription dialog of calendar apps. */
  webcalUrl: z.string(),
  /** China's holidays as a second feed, or null when the feed was created without. */
  holidaysUrl: z.string().nullable(),
});

const tags = ['calendar'];
const ics = z.string().describe('iCalendar (RFC 5545)');

/** The calendar-feed routes. */
export const calendarRoutes = {
  create: route({
    method: 'POST',
    path: '/api/calendar-feeds',
    summary: 'Create a calendar feed (ICS subscription URL, shown once)',
    tags,
    body: createCalendarFeedInput.nullish(),
    status: 201,
    response: createdCalendarFeedView,
    errors: [400, 401, 403],
  }),
  list: route({
    method: 'GET',
    path: '/api/calendar-feeds',
    summary: 'My calendar feeds (without their secret URLs)',
    tags,
    status: 200,
    response: z.object({ items: z.array(calendarFeedView) }),
    errors: [401],
  }),
  revoke: route({
    method: 'DELETE',
    path: '/api/calendar-feeds/:id',
    summary: 'Revoke a calendar feed (its URLs answer 404 from then on)',
    tags,
    params: z.object({ id: z.string().min(1).max(100) }),
    status: 204,
    response: noContent,
    errors: [401, 403, 404],
  }),
  feed: route({
    method: 'GET',
    path: '/ics/:file',
    summary: 'A personal calendar feed (iCalendar; the token is the credential)',
    tags,
    params: z.object({ file: z.string().max(200) }),
    status: 200,
    response: ics,
    errors: [404],
  }),
  holidays: route({
    method: 'GET',
    path: '/ics/:token/holidays.ics',
    summary: "China's public holidays and make-up working days of this year and next (iCalendar)",
    tags,
    params: z.object({ token: z.string().max(200) }),
    status: 200,
    response: ics,
    errors: [404],
  }),
};
