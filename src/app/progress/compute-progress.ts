/**
 * Use case: progress against the workspace's latest saved plan of a year, at one level
 * (year … days) and dimension (markets, classes, members). Deals signed in the year count
 * for their customer's market and class and their owner's name; a market or owner the plan
 * does not name is reported as `unassigned`, never dropped. A manager sees the workspace;
 * a lead (and an assistant) the team's deals against the team members' share of the plan.
 */
import { computeProgressInput } from '../../contract/progress.js';
import { addDays, type IsoDate } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import {
  computeProgressRows,
  type ProgressDimension,
  type ProgressLevel,
  type ProgressRow,
  type SignedAmount,
  UNASSIGNED,
} from '../../domain/method/progress.js';
import type { PlanResult } from '../../domain/plan/plan.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { workspaceToday } from '../workspace/workspace-today.js';
import { callerScope, requirePlan, type SignedDeal, signedDeals } from './progress-scope.js';

/** The report. */
export interface ProgressReport {
  readonly year: number;
  readonly revision: number;
  readonly asOf: IsoDate;
  readonly level: ProgressLevel;
  readonly dimension: ProgressDimension;
  /** `workspace` for a manager, `team` for a lead or assistant. */
  readonly scope: 'workspace' | 'team';
  readonly rows: readonly ProgressRow[];
  /** Deals of the year (up to asOf) whose market or owner the plan does not name. */
  readonly unassigned: { readonly deals: number; readonly amount: number };
}

/** Computes progress vs plan (PROGRESS.NO_PLAN without a saved plan for the year). */
export async function computeProgress(
  deps: Deps,
  principal: Principal,
  input: unknown,
): Promise<ProgressReport> {
  const q = parseInput(computeProgressInput, input);
  const { today } = await workspaceToday(deps.db, deps, principal.workspaceId);
  const year = q.year ?? Number(today.slice(0, 4));
  if (q.asOf !== undefined && !q.asOf.startsWith(`${year}-`)) {
    throw new AppError('PLAN.DATE_OUT_OF_YEAR', { date: q.asOf, year });
  }
  const asOf = q.asOf ?? clampToYear(today, year);
  const plan = await requirePlan(deps, principal, year, asOf);
  const scope = await callerScope(deps.db, principal);
  const deals = await signedDeals(deps.db, principal, scope, `${year}-01-01`, asOf);
  const signed = deals.map((d) => toSegment(d, plan.result));
  const rows = computeProgressRows(plan.result, signed, {
    level: q.level,
    dimension: q.dimension,
    asOf,
    // Whether asOf is over (a past day) or still counts as a remaining day (today).
    today,
    ...(scope.memberNames && plan.result.settings.membersGiven ? { members: scope.memberNames } : {}),
  });
  const unassigned = signed.filter((s) => s.market === UNASSIGNED || s.member === UNASSIGNED);
  return {
    year,
    revision: plan.revision,
    asOf,
    level: q.level,
    dimension: q.dimension,
    scope: scope.kind,
    rows,
    unassigned: { deals: unassigned.length, amount: unassigned.reduce((n, s) => n + s.amount, 0) },
  };
}

/**
 * The day a year's report is made as of: today inside the year, the year's last day for a
 * past year, the day before it starts for a future one (nothing planned yet).
 */
export function clampToYear(today: IsoDate, year: number): IsoDate {
  if (today > `${year}-12-31`) return `${year}-12-31`;
  if (today < `${year}-01-01`) return addDays(`${year}-01-01`, -1);
  return today;
}

/**
 * The plan segment of a deal. A plan without markets (or members) has one market (member)
 * `*` that stands for everything, so every deal belongs to it.
 */
export function toSegment(deal: SignedDeal, plan: PlanResult): SignedAmount {
  const settings = plan.settings;
  const markets = new Set(settings.markets.map((m) => m.name));
  const members = new Set(settings.members.map((m) => m.name));
  const market = settings.marketsGiven
    ? deal.marketName !== null && markets.has(deal.marketName)
      ? deal.marketName
      : UNASSIGNED
    : (settings.markets[0]?.name ?? '*');
  const member = settings.membersGiven
    ? deal.ownerName !== null && members.has(deal.ownerName)
      ? deal.ownerName
      : UNASSIGNED
    : (settings.members[0]?.name ?? '*');
  return { date: deal.signedOn, amount: deal.amount, market, class: deal.class, member };
}
