/**
 * Use case: the invitation quotas of a seminar per market → city → class, with the
 * invitations made so far and what remains. The number of invitations is, in order: the
 * `invitations` asked for, the saved plan's invitations per seminar for the seminar's year
 * (latest revision), else the seminar's capacity. The class split follows the customers
 * the plan needs per class (its funnel); without a plan the classes share equally.
 */
import { type SeminarQuotas, seminarQuotasQuery } from '../../contract/seminars.js';
import { AppError } from '../../domain/errors.js';
import { invitationQuotas, SEMINAR_CLASSES, type SeminarClass } from '../../domain/method/seminars.js';
import type { Deps, Principal } from '../context.js';
import { getPlan } from '../plans/get-plan.js';
import { parseInput } from '../validation.js';
import { seminars } from './seminar-store.js';

/** Computes the quotas of a seminar of the caller's workspace (NOT_FOUND otherwise). */
export async function getSeminarQuotas(
  deps: Deps,
  principal: Principal,
  seminarId: string,
  query: unknown,
): Promise<SeminarQuotas> {
  const seminar = await seminars.find(deps.db, principal, seminarId);
  const q = parseInput(seminarQuotasQuery, query);
  const year = Number(seminar.held_on.slice(0, 4));
  const plan = await getPlan(deps, principal, { year }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  const classNeed: Record<SeminarClass, number> = { A: 0, B: 0, C: 0, new: 0 };
  if (plan) {
    for (const c of plan.result.funnel.classes) classNeed[c.key] = c.ordersNeeded ?? 0;
  }
  const planInvitations = plan?.result.settings.seminars.invitations ?? 0;
  const [invitations, source] =
    q.invitations !== undefined
      ? [q.invitations, 'query' as const]
      : planInvitations > 0
        ? [planInvitations, 'plan' as const]
        : [seminar.capacity, 'capacity' as const];

  const marketRows = await deps.db
    .selectFrom('markets')
    .select(['id', 'name', 'share_bp', 'cities'])
    .where('workspace_id', '=', principal.workspaceId)
    .orderBy('share_bp', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute();
  const markets = marketRows.map((m) => ({
    id: m.id,
    name: m.name,
    shareBp: m.share_bp,
    cities: JSON.parse(m.cities) as string[],
  }));
  const quotas = invitationQuotas({ invitations, markets, classNeed });

  // Counted over every invitation of the seminar: quotas are the team's, not one person's.
  const invited = await deps.db
    .selectFrom('seminar_invitations')
    .innerJoin('customers', 'customers.id', 'seminar_invitations.customer_id')
    .select(['customers.market_id', 'customers.city', 'customers.class'])
    .where('seminar_invitations.workspace_id', '=', principal.workspaceId)
    .where('seminar_invitations.seminar_id', '=', seminarId)
    .execute();
  const counts = new Map<string, number>();
  let unmatchedInvited = 0;
  for (const row of invited) {
    const market = markets.find((m) => m.id === row.market_id);
    const city = market && (market.cities.length === 0 ? market.name : row.city);
    if (
      !market ||
      city === null ||
      city === undefined ||
      !(market.cities.length === 0 || market.cities.includes(city))
    ) {
      unmatchedInvited++;
      continue;
    }
    const key = `${market.id}\u0000${city}\u0000${row.class}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  return {
    seminarId,
    invitations,
    source,
    plan: plan ? { year: plan.year, revision: plan.revision } : null,
    classNeed,
    markets: quotas.map((m) => {
      const share = markets.find((x) => x.id === m.id)?.shareBp ?? 0;
      const cities = m.cities.map((c) => {
        const classes = Object.fromEntries(
          SEMINAR_CLASSES.map((k) => {
            const done = counts.get(`${m.id}\u0000${c.city}\u0000${k}`) ?? 0;
            return [k, { quota: c.classes[k], invited: done, remaining: Math.max(0, c.classes[k] - done) }];
          }),
        ) as Record<SeminarClass, { quota: number; invited: number; remaining: number }>;
        const cityInvited = SEMINAR_CLASSES.reduce((n, k) => n + classes[k].invited, 0);
        return {
          city: c.city,
          quota: c.quota,
          invited: cityInvited,
          remaining: Math.max(0, c.quota - cityInvited),
          classes,
        };
      });
      return {
        marketId: m.id,
        name: m.name,
        sharePercent: share / 100,
        quota: m.quota,
        invited: cities.reduce((n, c) => n + c.invited, 0),
        cities,
      };
    }),
    unmatchedInvited,
  };
}
