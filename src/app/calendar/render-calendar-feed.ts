/**
 * Use case: the ICS text of a personal calendar feed, for the public `/ics/<token>.ics`
 * route (no session: the secret token is the credential). It shows the owner's planned
 * visits (visits they own or on customers they own), their open follow-ups and the
 * workspace's seminars — and only among customers the owner may still see, so a feed
 * follows the owner's current rights. An unknown or revoked token, or an owner who left
 * the workspace, is NOT_FOUND.
 */
import { followUpEvent, seminarEvent, visitEvent } from '../../domain/calendar-feed.js';
import { addDays, dateInTimeZone } from '../../domain/dates.js';
import { renderCalendar } from '../../domain/ics.js';
import { visibleCustomers } from '../access.js';
import type { Deps } from '../context.js';
import { feedContext } from './feed-context.js';

/** How often calendar apps are asked to refresh, in minutes. */
export const FEED_REFRESH_MINUTES = 60;
/** Seminars older than this many days are left out of the feed. */
const SEMINAR_HISTORY_DAYS = 180;
/** Upper bound of each kind of item in one feed (calendar apps choke on huge feeds). */
const MAX_ITEMS = 2000;

/** The personal feed behind `token` as iCalendar text. */
export async function renderCalendarFeed(deps: Deps, token: string): Promise<string> {
  const ctx = await feedContext(deps, token);
  const { principal, lang } = ctx;
  const me = principal.membershipId;
  const visible = visibleCustomers(deps.db, principal).select('customers.id');
  const today = dateInTimeZone(deps.clock(), ctx.timeZone);

  const visits = await deps.db
    .selectFrom('visits')
    .innerJoin('customers', 'customers.id', 'visits.customer_id')
    .select([
      'visits.id',
      'customers.name as customerName',
      'customers.city',
      'visits.visit_on',
      'visits.meeting_number',
      'visits.purpose',
      'visits.next_step',
      'visits.updated_at',
      'visits.version',
    ])
    .where('visits.workspace_id', '=', principal.workspaceId)
    .where('visits.status', '=', 'planned')
    .where((eb) => eb.or([eb('visits.owner_id', '=', me), eb('customers.owner_id', '=', me)]))
    .where('visits.customer_id', 'in', visible)
    .orderBy('visits.visit_on')
    .orderBy('visits.id')
    .limit(MAX_ITEMS)
    .execute();
  const followUps = await deps.db
    .selectFrom('follow_ups')
    .innerJoin('customers', 'customers.id', 'follow_ups.customer_id')
    .select([
      'follow_ups.id',
      'customers.name as customerName',
      'follow_ups.due_on',
      'follow_ups.kind',
      'follow_ups.notes',
      'follow_ups.updated_at',
      'follow_ups.version',
    ])
    .where('follow_ups.workspace_id', '=', principal.workspaceId)
    .where('follow_ups.done', '=', 0)
    .where('follow_ups.assignee_id', '=', me)
    .where('follow_ups.customer_id', 'in', visible)
    .orderBy('follow_ups.due_on')
    .orderBy('follow_ups.id')
    .limit(MAX_ITEMS)
    .execute();
  const seminars = await deps.db
    .selectFrom('seminars')
    .select(['id', 'title', 'held_on', 'city', 'venue', 'notes', 'updated_at', 'version'])
    .where('workspace_id', '=', principal.workspaceId)
    .where('status', '!=', 'cancelled')
    .where('held_on', '>=', addDays(today, -SEMINAR_HISTORY_DAYS))
    .orderBy('held_on')
    .orderBy('id')
    .limit(MAX_ITEMS)
    .execute();

  const events = [
    ...visits.map((v) =>
      visitEvent(
        {
          id: v.id,
          customerName: v.customerName,
          visitOn: v.visit_on,
          meetingNumber: v.meeting_number,
          purpose: v.purpose,
          nextStep: v.next_step,
          city: v.city,
          updatedAt: v.updated_at,
          version: v.version,
        },
        lang,
      ),
    ),
    ...followUps.map((f) =>
      followUpEvent(
        {
          id: f.id,
          customerName: f.customerName,
          dueOn: f.due_on,
          kind: f.kind,
          notes: f.notes,
          updatedAt: f.updated_at,
          version: f.version,
        },
        lang,
      ),
    ),
    ...seminars.map((s) =>
      seminarEvent(
        {
          id: s.id,
          title: s.title,
          heldOn: s.held_on,
          city: s.city,
          venue: s.venue,
          notes: s.notes,
          updatedAt: s.updated_at,
          version: s.version,
        },
        lang,
      ),
    ),
  ];
  return renderCalendar({
    name: lang === 'zh' ? `${ctx.userName}的日程 · Closer` : `${ctx.userName} · Closer`,
    description:
      lang === 'zh'
        ? `${ctx.workspaceName}：计划拜访、待跟进与会销`
        : `${ctx.workspaceName}: planned visits, follow-ups and seminars`,
    timeZone: ctx.timeZone,
    refreshMinutes: FEED_REFRESH_MINUTES,
    events,
  });
}
