/**
 * Use case: the caller's day. Today's target (their member share of the plan's day; a
 * manager sees the whole team's), the month so far against its plan with the run-rate
 * still needed, the follow-ups due today or overdue (assigned to the caller; a manager:
 * all), and the customers who can supply today's number, each with its reasons and an
 * expected amount (its open deals, else the average signed deal of its class), their
 * total set against the target. Without a saved plan for the year the numbers are null
 * and the rest still shows.
 */
import { getTodayInput } from '../../contract/progress.js';
import { addDays, type IsoDate, toEpochDay } from '../../domain/dates.js';
import {
  type CustomerFacts,
  FUNDS_WINDOW,
  SEMINAR_AHEAD_DAYS,
  SEMINAR_BEHIND_DAYS,
  type SuggestionReason,
  suggestionReasons,
  type TodayNumbers,
  todayNumbers,
} from '../../domain/method/today.js';
import { visibleCustomers } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { workspaceToday } from '../workspace/workspace-today.js';
import { latestPlan } from './progress-scope.js';

/** A follow-up due today or overdue. */
export interface TodayFollowUp {
  readonly id: string;
  readonly customerId: string;
  readonly customerName: string;
  readonly dueOn: IsoDate;
  readonly kind: string;
  readonly notes: string | null;
  readonly daysOverdue: number;
}

/** A customer suggested for today. */
export interface TodaySuggestion {
  readonly customerId: string;
  readonly customerName: string;
  readonly class: 'A' | 'B' | 'C' | 'new';
  readonly status: string;
  readonly reasons: readonly SuggestionReason[];
  readonly expectedAmount: number;
  /** Where the amount comes from: the customer's open deals, or the class's average signed deal. */
  readonly amountSource: 'open_deal' | 'class_average' | 'none';
}

/** The caller's day. */
export interface TodayView {
  readonly date: IsoDate;
  /** `workspace` for a manager (the team's total), `member` for everyone else. */
  readonly scope: 'workspace' | 'member';
  readonly plan: { readonly year: number; readonly revision: number } | null;
  /** False when the plan names members and the caller is not one of them (target 0). */
  readonly memberInPlan: boolean;
  readonly numbers: TodayNumbers | null;
  readonly followUps: readonly TodayFollowUp[];
  readonly suggestions: readonly TodaySuggestion[];
  readonly suggestionsTotal: number;
  /** What is still needed today ({@link TodayNumbers.neededToday}) not covered by the suggestions' expected amounts (0 when covered). */
  readonly shortfall: number;
}

/** Today for the caller. */
export async function getToday(deps: Deps, principal: Principal, input: unknown): Promise<TodayView> {
  const q = parseInput(getTodayInput, input ?? {});
  const { today } = await workspaceToday(deps.db, deps, principal.workspaceId);
  const date = (q.date ?? today) as IsoDate;
  const year = Number(date.slice(0, 4));
  const db = deps.db;
  const ws = principal.workspaceId;
  const manager = principal.role === 'manager';

  const plan = await latestPlan(deps, principal, year, date);
  let numbers: TodayNumbers | null = null;
  let memberInPlan = true;
  if (plan) {
    let members: number[] | undefined;
    if (!manager && plan.result.settings.membersGiven) {
      const me = await db
        .selectFrom('users')
        .select('name')
        .where('id', '=', principal.userId)
        .executeTakeFirst();
      members = plan.result.dimensions.members.flatMap((m, i) => (m.name === me?.name ? [i] : []));
      memberInPlan = members.length > 0;
    }
    const signedSince = async (from: string): Promise<number> => {
      let q = db
        .selectFrom('deals')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('total'))
        .where('workspace_id', '=', ws)
        .where('signed_on', '>=', from)
        .where('signed_on', '<=', date);
      if (!manager) q = q.where('owner_id', '=', principal.membershipId);
      return Number((await q.executeTakeFirst())?.total ?? 0);
    };
    numbers = todayNumbers(plan.result, date, members, await signedSince(`${date.slice(0, 7)}-01`), {
      today,
      yearActual: await signedSince(`${date.slice(0, 4)}-01-01`),
    });
  }

  let followQuery = db
    .selectFrom('follow_ups')
    .innerJoin('customers', 'customers.id', 'follow_ups.customer_id')
    .select([
      'follow_ups.id',
      'follow_ups.customer_id',
      'customers.name',
      'follow_ups.due_on',
      'follow_ups.kind',
      'follow_ups.notes',
    ])
    .where('follow_ups.workspace_id', '=', ws)
    .where('follow_ups.done', '=', 0)
    .where('follow_ups.due_on', '<=', date);
  if (!manager) followQuery = followQuery.where('follow_ups.assignee_id', '=', principal.membershipId);
  const followUps = (await followQuery.orderBy('follow_ups.due_on').orderBy('follow_ups.id').execute()).map(
    (f): TodayFollowUp => ({
      id: f.id,
      customerId: f.customer_id,
      customerName: f.name,
      dueOn: f.due_on as IsoDate,
      kind: f.kind,
      notes: f.notes,
      daysOverdue: toEpochDay(date) - toEpochDay(f.due_on),
    }),
  );

  const suggestions = await suggest(deps, principal, date);
  const suggestionsTotal = suggestions.reduce((n, s) => n + s.expectedAmount, 0);
  return {
    date,
    scope: manager ? 'workspace' : 'member',
    plan: plan ? { year, revision: plan.revision } : null,
    memberInPlan,
    numbers,
    followUps,
    suggestions,
    suggestionsTotal,
    shortfall: Math.max(0, (numbers?.neededToday ?? 0) - suggestionsTotal),
  };
}

/** The caller's visible customers with a reason for today, largest expected amount first. */
async function suggest(deps: Deps, principal: Principal, date: IsoDate): Promise<TodaySuggestion[]> {
  const db = deps.db;
  const ws = principal.workspaceId;
  const visible = () => visibleCustomers(db, principal).select('customers.id');
  const customers = await visibleCustomers(db, principal)
    .select([
      'customers.id',
      'customers.name',
      'customers.class',
      'customers.status',
      'customers.kp_contact_id',
      'customers.willing_to_sign',
      'customers.able_to_pay',
      'customers.expected_funds_on',
    ])
    .execute();
  if (customers.length === 0) return [];

  const attempts = await db
    .selectFrom('close_attempts')
    .select(['customer_id', 'funds_on'])
    .where('workspace_id', '=', ws)
    .where('funds_on', '>=', addDays(date, -FUNDS_WINDOW.before))
    .where('funds_on', '<=', addDays(date, FUNDS_WINDOW.after))
    .where('customer_id', 'in', visible())
    .execute();
  const invitations = await db
    .selectFrom('seminar_invitations')
    .innerJoin('seminars', 'seminars.id', 'seminar_invitations.seminar_id')
    .select([
      'seminar_invitations.customer_id',
      'seminars.title',
      'seminars.held_on',
      'seminars.status',
      'seminar_invitations.rsvp',
      'seminar_invitations.attended',
    ])
    .where('seminar_invitations.workspace_id', '=', ws)
    .where('seminars.held_on', '>=', addDays(date, -SEMINAR_BEHIND_DAYS))
    .where('seminars.held_on', '<=', addDays(date, SEMINAR_AHEAD_DAYS))
    .where('seminar_invitations.customer_id', 'in', visible())
    .execute();
  // All deals of the workspace: the class averages use every signed deal, the rest only the visible ones.
  const deals = await db
    .selectFrom('deals')
    .innerJoin('customers', 'customers.id', 'deals.customer_id')
    .select(['deals.customer_id', 'deals.amount_minor', 'deals.signed_on', 'customers.class'])
    .where('deals.workspace_id', '=', ws)
    .where((eb) => eb.or([eb('deals.signed_on', 'is', null), eb('deals.signed_on', '<=', date)]))
    .execute();

  const sums = new Map<string, { total: number; count: number }>();
  const lastSigned = new Map<string, IsoDate>();
  const openAmount = new Map<string, number>();
  for (const d of deals) {
    const amount = Number(d.amount_minor);
    if (d.signed_on === null) {
      openAmount.set(d.customer_id, (openAmount.get(d.customer_id) ?? 0) + amount);
      continue;
    }
    const s = sums.get(d.class) ?? { total: 0, count: 0 };
    sums.set(d.class, { total: s.total + amount, count: s.count + 1 });
    const last = lastSigned.get(d.customer_id);
    if (!last || last < d.signed_on) lastSigned.set(d.customer_id, d.signed_on as IsoDate);
  }
  const byCustomer = <T extends { customer_id: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) (map.get(r.customer_id) ?? map.set(r.customer_id, []).get(r.customer_id))?.push(r);
    return map;
  };
  const attemptsOf = byCustomer(attempts);
  const seminarsOf = byCustomer(invitations);

  const out: TodaySuggestion[] = [];
  for (const c of customers) {
    const facts: CustomerFacts = {
      status: c.status,
      class: c.class,
      kpContactId: c.kp_contact_id,
      willingToSign: c.willing_to_sign,
      ableToPay: c.able_to_pay,
      expectedFundsOn: c.expected_funds_on as IsoDate | null,
      attemptFundsOn: (attemptsOf.get(c.id) ?? []).flatMap((a) =>
        a.funds_on ? [a.funds_on as IsoDate] : [],
      ),
      lastSignedOn: lastSigned.get(c.id) ?? null,
      seminars: (seminarsOf.get(c.id) ?? []).map((s) => ({
        title: s.title,
        heldOn: s.held_on as IsoDate,
        status: s.status,
        rsvp: s.rsvp,
        attended: Number(s.attended) === 1,
      })),
    };
    const reasons = suggestionReasons(facts, date);
    if (reasons.length === 0) continue;
    const open = openAmount.get(c.id);
    const average = sums.get(c.class);
    out.push({
      customerId: c.id,
      customerName: c.name,
      class: c.class,
      status: c.status,
      reasons,
      ...(open !== undefined
        ? { expectedAmount: open, amountSource: 'open_deal' as const }
        : average && average.count > 0
          ? {
              expectedAmount: Math.round(average.total / average.count),
              amountSource: 'class_average' as const,
            }
          : { expectedAmount: 0, amountSource: 'none' as const }),
    });
  }
  return out.sort(
    (a, b) =>
      b.expectedAmount - a.expectedAmount ||
      compare(a.customerName, b.customerName) ||
      compare(a.customerId, b.customerId),
  );
}

/** Code-point order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
