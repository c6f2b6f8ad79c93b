/**
 * Calendar feeds: create, list and revoke them under /api (signed in), and the public
 * ICS URLs that calendar apps (Google Calendar, Outlook, Apple Calendar, DingTalk) poll
 * with the secret token alone: `/ics/<token>.ics` and `/ics/<token>/holidays.ics`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createCalendarFeed } from '../../app/calendar/create-calendar-feed.js';
import { listCalendarFeeds } from '../../app/calendar/list-calendar-feeds.js';
import { renderCalendarFeed } from '../../app/calendar/render-calendar-feed.js';
import { renderHolidayFeed } from '../../app/calendar/render-holiday-feed.js';
import { revokeCalendarFeed } from '../../app/calendar/revoke-calendar-feed.js';
import type { Deps } from '../../app/context.js';
import { calendarRoutes } from '../../contract/calendar.js';
import { AppError } from '../../domain/errors.js';
import { requirePrincipal } from '../auth.js';
import { serve } from '../serve.js';
import { callerRoutes } from './use-case-routes.js';

const ICS_TYPE = 'text/calendar; charset=utf-8';

/** The origin the caller used, so the feed URL works from where the user is. */
function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Registers /api/calendar-feeds and /ics. */
export function registerCalendarRoutes(app: FastifyInstance, deps: Deps): void {
  const answer = callerRoutes(app, deps);
  serve(app, calendarRoutes.create, async ({ body }, request) => {
    const feed = await createCalendarFeed(deps, requirePrincipal(request), body ?? {});
    const base = `${origin(request)}/ics/${feed.token}`;
    return {
      id: feed.id,
      includeHolidays: feed.includeHolidays,
      createdAt: feed.createdAt,
      revokedAt: feed.revokedAt,
      url: `${base}.ics`,
      webcalUrl: `${base}.ics`.replace(/^https?:/, 'webcal:'),
      holidaysUrl: feed.includeHolidays ? `${base}/holidays.ics` : null,
    };
  });
  serve(app, calendarRoutes.list, async (_, request) => ({
    items: await listCalendarFeeds(deps, requirePrincipal(request)),
  }));
  answer.remove(calendarRoutes.revoke, revokeCalendarFeed);
  serve(app, calendarRoutes.feed, async ({ params }, _request, reply) => {
    const token = /^(.+)\.ics$/.exec(params.file)?.[1];
    if (!token) throw new AppError('NOT_FOUND', { entity: 'calendar_feed' });
    const text = await renderCalendarFeed(deps, token);
    return reply.header('content-type', ICS_TYPE).header('cache-control', 'private, max-age=300').send(text);
  });
  serve(app, calendarRoutes.holidays, async ({ params }, _request, reply) => {
    const text = await renderHolidayFeed(deps, params.token);
    return reply.header('content-type', ICS_TYPE).header('cache-control', 'private, max-age=3600').send(text);
  });
}
