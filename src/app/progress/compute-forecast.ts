/**
 * Use case: the year-end forecast. The history comes from the whole workspace (more
 * observations, and rates reveal no record): for every customer and every open stage it
 * entered (`customer_stage_changes`), a win when the customer is now won, a loss when lost,
 * and for a win the days from entering that stage to its first deal signed since (else the
 * day it turned won); a `new` customer that is won or lost without any recorded stage
 * change counts as one observation at `lead` (every prospect starts there). Deal sizes are
 * the signed deals per customer class. The opportunities and what is signed so far are the
 * caller's scope: customers in an open stage (amount: their open deals, else sampled; entered
 * on their last change into that stage, else the day the record was created) and won
 * customers with an open deal (a repeat order, counted at `proposal` from the deal's day).
 */
import { z } from 'zod';
import { dateInTimeZone, type IsoDate, toEpochDay } from '../../domain/dates.js';
import {
  DEFAULT_RUNS,
  DEFAULT_SEED,
  estimateWinRates,
  type Forecast,
  forecastYear,
  OPEN_STAGES,
  type OpenStage,
  type Opportunity,
  type StageOutcome,
} from '../../domain/method/forecast.js';
import { CLASS_KEYS, type ClassKey } from '../../domain/plan/settings.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { clampToYear } from './compute-progress.js';
import {
  callerScope,
  requirePlan,
  scopedCustomerIds,
  signedDeals,
  workspaceToday,
} from './progress-scope.js';

/** Input of {@link computeForecast}. */
export const computeForecastInput = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  seed: z.coerce.number().int().min(0).max(4_294_967_295).default(DEFAULT_SEED),
  runs: z.coerce.number().int().min(100).max(100_000).default(DEFAULT_RUNS),
});

/** The forecast with what it was made from. */
export interface ForecastReport extends Forecast {
  readonly year: number;
  readonly revision: number;
  readonly asOf: IsoDate;
  readonly scope: 'workspace' | 'team';
  readonly history: {
    /** Stage entries with a known outcome. */
    readonly outcomes: number;
    readonly dealSizes: number;
    readonly cycleTimes: number;
  };
}

const isOpen = (status: string): status is OpenStage => (OPEN_STAGES as readonly string[]).includes(status);

/** Forecasts the year-end total of the caller's scope against its target. */
export async function computeForecast(
  deps: Deps,
  principal: Principal,
  input: unknown,
): Promise<ForecastReport> {
  const q = parseInput(computeForecastInput, input);
  const { today, timeZone } = await workspaceToday(deps, principal);
  const year = q.year ?? Number(today.slice(0, 4));
  const asOf = clampToYear(today, year);
  const plan = await requirePlan(deps, principal, year, asOf);
  const scope = await callerScope(deps.db, principal);
  const db = deps.db;
  const ws = principal.workspaceId;

  // The target of the scope: the team members' share of the plan, or the whole plan.
  const settings = plan.result.settings;
  const team = scope.memberNames && settings.membersGiven ? new Set(scope.memberNames) : undefined;
  const target = team
    ? plan.result.dimensions.members.filter((m) => team.has(m.name)).reduce((n, m) => n + m.amount, 0)
    : plan.result.year.amount;

  const signedByMonth = new Array<number>(12).fill(0);
  for (const d of await signedDeals(db, principal, scope, `${year}-01-01`, asOf)) {
    const m = Number(d.signedOn.slice(5, 7)) - 1;
    signedByMonth[m] = (signedByMonth[m] ?? 0) + d.amount;
  }

  // History, workspace-wide.
  const customers = await db
    .selectFrom('customers')
    .select(['id', 'class', 'status', 'created_at'])
    .where('workspace_id', '=', ws)
    .execute();
  const changes = await db
    .selectFrom('customer_stage_changes')
    .select(['customer_id', 'to_status', 'changed_on'])
    .where('workspace_id', '=', ws)
    .orderBy('changed_on')
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
  const deals = await db
    .selectFrom('deals')
    .innerJoin('customers', 'customers.id', 'deals.customer_id')
    .select([
      'deals.customer_id',
      'deals.amount_minor',
      'deals.signed_on',
      'deals.created_at',
      'customers.class',
    ])
    .where('deals.workspace_id', '=', ws)
    // A fixed order: deal sizes are sampled by position, so both databases give the same result.
    .orderBy('deals.id')
    .execute();

  const entered = new Map<string, Map<string, IsoDate>>();
  const wonOn = new Map<string, IsoDate>();
  for (const c of changes) {
    const stages = entered.get(c.customer_id) ?? new Map<string, IsoDate>();
    entered.set(c.customer_id, stages);
    stages.set(c.to_status, c.changed_on as IsoDate);
    if (c.to_status === 'won' && !wonOn.has(c.customer_id)) wonOn.set(c.customer_id, c.changed_on as IsoDate);
  }
  const signedDates = new Map<string, IsoDate[]>();
  const dealSizes: Partial<Record<ClassKey, number[]>> = {};
  for (const d of deals) {
    if (d.signed_on === null) continue;
    (signedDates.get(d.customer_id) ?? signedDates.set(d.customer_id, []).get(d.customer_id))?.push(
      d.signed_on,
    );
    const sizes = dealSizes[d.class] ?? [];
    sizes.push(Number(d.amount_minor));
    dealSizes[d.class] = sizes;
  }
  for (const list of signedDates.values()) list.sort();

  const counts = new Map<string, StageOutcome>();
  const cycleDays: Partial<Record<OpenStage, number[]>> = {};
  const observe = (stage: OpenStage, cls: ClassKey, won: boolean) => {
    const key = `${stage}/${cls}`;
    const o = counts.get(key) ?? { stage, class: cls, won: 0, lost: 0 };
    counts.set(key, { ...o, won: o.won + (won ? 1 : 0), lost: o.lost + (won ? 0 : 1) });
  };
  for (const c of customers) {
    if (c.status !== 'won' && c.status !== 'lost') continue;
    const stages = entered.get(c.id);
    if (!stages || ![...stages.keys()].some(isOpen)) {
      if (c.class === 'new') observe('lead', c.class, c.status === 'won');
      continue;
    }
    for (const [stage, on] of stages) {
      if (!isOpen(stage)) continue;
      observe(stage, c.class, c.status === 'won');
      if (c.status !== 'won') continue;
      const signed = signedDates.get(c.id)?.find((s) => s >= on) ?? wonOn.get(c.id);
      if (signed !== undefined && signed >= on) {
        const cycles = cycleDays[stage] ?? [];
        cycles.push(toEpochDay(signed) - toEpochDay(on));
        cycleDays[stage] = cycles;
      }
    }
  }
  const winRates = estimateWinRates([...counts.values()], CLASS_KEYS);

  // Opportunities of the scope.
  let open = db
    .selectFrom('customers')
    .select(['id', 'class', 'status', 'created_at'])
    .where('workspace_id', '=', ws)
    .where('status', 'in', [...OPEN_STAGES, 'won']);
  if (scope.kind === 'team') open = open.where('id', 'in', scopedCustomerIds(db, scope));
  const openDeals = new Map<string, { amount: number; since: string }>();
  for (const d of deals) {
    if (d.signed_on !== null) continue;
    const o = openDeals.get(d.customer_id);
    const since = dateInTimeZone(new Date(d.created_at), timeZone);
    openDeals.set(d.customer_id, {
      amount: (o?.amount ?? 0) + Number(d.amount_minor),
      since: o && o.since < since ? o.since : since,
    });
  }
  const opportunities: Opportunity[] = [];
  for (const c of await open.orderBy('id').execute()) {
    const deal = openDeals.get(c.id);
    const created = dateInTimeZone(new Date(c.created_at), timeZone);
    if (isOpen(c.status)) {
      const on = entered.get(c.id)?.get(c.status) ?? created;
      opportunities.push({
        stage: c.status,
        class: c.class,
        amount: deal ? deal.amount : null,
        enteredStageOn: notAfter(on, asOf),
      });
    } else if (deal) {
      opportunities.push({
        stage: 'proposal',
        class: c.class,
        amount: deal.amount,
        enteredStageOn: notAfter(deal.since, asOf),
      });
    }
  }

  const forecast = forecastYear({
    target,
    signedByMonth,
    asOf,
    yearEnd: `${year}-12-31`,
    opportunities,
    history: { winRates, dealSizes, cycleDays },
    runs: q.runs,
    seed: q.seed,
  });
  return {
    ...forecast,
    year,
    revision: plan.revision,
    asOf,
    scope: scope.kind,
    history: {
      outcomes: [...counts.values()].reduce((n, o) => n + o.won + o.lost, 0),
      dealSizes: Object.values(dealSizes).reduce((n, l) => n + (l?.length ?? 0), 0),
      cycleTimes: Object.values(cycleDays).reduce((n, l) => n + (l?.length ?? 0), 0),
    },
  };
}

/** The earlier of two ISO dates (a record created after asOf counts as entered on asOf). */
function notAfter(date: string, limit: IsoDate): IsoDate {
  return (date < limit ? date : limit) as IsoDate;
}
