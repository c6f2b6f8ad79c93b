/**
 * Use case: do seminars pay off? Per seminar held in a period: invited, accepted (RSVP
 * yes), attended, and attendees who signed within 60 days from the seminar (a deal with
 * signed_on from held_on to held_on + 60); sign rate = signed / attended. Compared with
 * meeting-only customers: customers visited (a visit done) in the same period who were
 * never invited to any seminar, signed when a deal falls within 60 days from their first
 * visit in the period. Only customers the caller may see are counted.
 */
import { type SeminarStats, seminarStatsQuery } from '../../contract/stats.js';
import { addDays } from '../../domain/dates.js';
import { differencePoints, rateBp, SIGNING_WINDOW_DAYS } from '../../domain/method/seminars.js';
import { visibleCustomers } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { statsPeriod } from '../stats/stats-period.js';
import { parseInput } from '../validation.js';

const percent = (bp: number | null) => (bp === null ? null : bp / 100);

/** Computes the seminar statistics of the period for the caller's visible customers. */
export async function getSeminarStats(
  deps: Deps,
  principal: Principal,
  query: unknown,
): Promise<SeminarStats> {
  const q = parseInput(seminarStatsQuery, query);
  const { from, to } = await statsPeriod(deps.db, deps, principal.workspaceId, q);
  const ws = principal.workspaceId;
  let visibleQuery = visibleCustomers(deps.db, principal).select('customers.id');
  if (q.class) visibleQuery = visibleQuery.where('customers.class', '=', q.class);
  const visible = visibleQuery;

  const seminars = await deps.db
    .selectFrom('seminars')
    .select(['id', 'title', 'held_on', 'status'])
    .where('workspace_id', '=', ws)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .where('status', '!=', 'cancelled')
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  const invitations =
    seminars.length === 0
      ? []
      : await deps.db
          .selectFrom('seminar_invitations')
          .select(['seminar_id', 'customer_id', 'rsvp', 'attended'])
          .where('workspace_id', '=', ws)
          .where(
            'seminar_id',
            'in',
            seminars.map((s) => s.id),
          )
          .where('customer_id', 'in', visible)
          .execute();

  // Meeting-only: visited in the period, never invited to any seminar.
  const visits = await deps.db
    .selectFrom('visits')
    .select(['customer_id'])
    .select((eb) => eb.fn.min('visit_on').as('first_visit'))
    .where('workspace_id', '=', ws)
    .where('status', '=', 'done')
    .where('visit_on', '>=', from)
    .where('visit_on', '<=', to)
    .where('customer_id', 'in', visible)
    .where(({ eb, not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('seminar_invitations as si')
            .select('si.id')
            .where('si.workspace_id', '=', ws)
            .whereRef('si.customer_id', '=', eb.ref('visits.customer_id')),
        ),
      ),
    )
    .groupBy('customer_id')
    .execute();

  const customerIds = [
    ...new Set([
      ...invitations.filter((i) => i.attended === 1).map((i) => i.customer_id),
      ...visits.map((v) => v.customer_id),
    ]),
  ];
  const signings = new Map<string, string[]>();
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await deps.db
      .selectFrom('deals')
      .select(['customer_id', 'signed_on'])
      .where('workspace_id', '=', ws)
      .where('signed_on', 'is not', null)
      .where('customer_id', 'in', customerIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const list = signings.get(r.customer_id) ?? [];
      list.push(r.signed_on as string);
      signings.set(r.customer_id, list);
    }
  }
  const signedWithin = (customerId: string, start: string) => {
    const end = addDays(start, SIGNING_WINDOW_DAYS);
    return (signings.get(customerId) ?? []).some((d) => d >= start && d <= end);
  };

  const rows = seminars.map((s) => {
    const mine = invitations.filter((i) => i.seminar_id === s.id);
    const attendees = mine.filter((i) => i.attended === 1);
    const signed = attendees.filter((i) => signedWithin(i.customer_id, s.held_on)).length;
    return {
      seminarId: s.id,
      title: s.title,
      heldOn: s.held_on,
      status: s.status,
      invited: mine.length,
      accepted: mine.filter((i) => i.rsvp === 'yes').length,
      attended: attendees.length,
      signed,
      signRatePercent: percent(rateBp(signed, attendees.length)),
    };
  });
  const sum = (k: 'invited' | 'accepted' | 'attended' | 'signed') => rows.reduce((n, r) => n + r[k], 0);
  const total = {
    invited: sum('invited'),
    accepted: sum('accepted'),
    attended: sum('attended'),
    signed: sum('signed'),
  };
  const totalBp = rateBp(total.signed, total.attended);
  const meetingSigned = visits.filter((v) => signedWithin(v.customer_id, String(v.first_visit))).length;
  const meetingBp = rateBp(meetingSigned, visits.length);
  return {
    from,
    to,
    class: q.class ?? null,
    signingWindowDays: SIGNING_WINDOW_DAYS,
    seminars: rows,
    total: { ...total, signRatePercent: percent(totalBp) },
    meetingOnly: { customers: visits.length, signed: meetingSigned, signRatePercent: percent(meetingBp) },
    differencePoints: differencePoints(totalBp, meetingBp),
  };
}
