/**
 * Calendar feeds: create, list and revoke them under /api (signed in), and the public
 * ICS URLs that calendar apps (Google Calendar, Outlook, Apple Calendar, DingTalk) poll
 * with the secret token alone: `/ics/<token>.ics` and `/ics/<token>/holidays.ics`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCalendarFeed } from '../../app/calendar/create-calendar-feed.js';
import { listCalendarFeeds } from '../../app/calendar/list-calendar-feeds.js';
import { renderCalendarFeed } from '../../app/calendar/render-calendar-feed.js';
import { renderHolidayFeed } from '../../app/calendar/render-holiday-feed.js';
import { revokeCalendarFeed } from '../../app/calendar/revoke-calendar-feed.js';
import type { Deps } from '../../app/context.js';
import { calendarFeedView, createCalendarFeedInput } from '../../contract/calendar.js';
import { errorResponses } from '../../contract/error-body.js';
import { AppError } from '../../domain/errors.js';
import { requirePrincipal } from '../auth.js';

const ICS_TYPE = 'text/calendar; charset=utf-8';

/** The origin the caller used, so the feed URL works from where the user is. */
function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Registers /api/calendar-feeds and /ics. */
export function registerCalendarRoutes(app: FastifyInstance, deps: Deps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  const created = calendarFeedView.extend({
    /** The personal feed's URL with its secret token: shown once. */
    url: z.string(),
    /** The same with webcal://, which opens the subscription dialog of calendar apps. */
    webcalUrl: z.string(),
    /** China's holidays as a second feed, or null when the feed was created without. */
    holidaysUrl: z.string().nullable(),
  });

  routes.post(
    '/api/calendar-feeds',
    {
      schema: {
        summary: 'Create a calendar feed (ICS subscription URL, shown once)',
        tags,
        body: createCalendarFeedInput.nullish(),
        response: { 201: created, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const feed = await createCalendarFeed(deps, requirePrincipal(request), request.body ?? {});
      const base = `${origin(request)}/ics/${feed.token}`;
      return reply.code(201).send({
        id: feed.id,
        includeHolidays: feed.includeHolidays,
        createdAt: feed.createdAt,
        revokedAt: feed.revokedAt,
        url: `${base}.ics`,
        webcalUrl: `${base}.ics`.replace(/^https?:/, 'webcal:'),
        holidaysUrl: feed.includeHolidays ? `${base}/holidays.ics` : null,
      });
    },
  );

  routes.get(
    '/api/calendar-feeds',
    {
      schema: {
        summary: 'My calendar feeds (without their secret URLs)',
        tags,
        response: { 200: z.object({ items: z.array(calendarFeedView) }), ...errorResponses(401) },
      },
    },
    async (request) => ({ items: await listCalendarFeeds(deps, requirePrincipal(request)) }),
  );

  routes.delete(
    '/api/calendar-feeds/:id',
    {
      schema: {
        summary: 'Revoke a calendar feed (its URLs answer 404 from then on)',
        tags,
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 204: z.null().describe('No content'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeCalendarFeed(deps, requirePrincipal(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  routes.get(
    '/ics/:file',
    {
      schema: {
        summary: 'A personal calendar feed (iCalendar; the token is the credential)',
        tags,
        params: z.object({ file: z.string().max(200) }),
        response: { 200: z.string().describe('iCalendar (RFC 5545)'), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const token = /^(.+)\.ics$/.exec(request.params.file)?.[1];
      if (!token) throw new AppError('NOT_FOUND', { entity: 'calendar_feed' });
      const text = await renderCalendarFeed(deps, token);
      return reply
        .header('content-type', ICS_TYPE)
        .header('cache-control', 'private, max-age=300')
        .send(text);
    },
  );

  routes.get(
    '/ics/:token/holidays.ics',
    {
      schema: {
        summary: "China's public holidays and make-up working days of this year and next (iCalendar)",
        tags,
        params: z.object({ token: z.string().max(200) }),
        response: { 200: z.string().describe('iCalendar (RFC 5545)'), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const text = await renderHolidayFeed(deps, request.params.token);
      return reply
        .header('content-type', ICS_TYPE)
        .header('cache-control', 'private, max-age=3600')
        .send(text);
    },
  );
}
