/**
 * Necessary conditions (必要条件) of a target: how much the existing A/B/C customers will
 * bring back (customers × repeat rate × order value), how many new customers the rest needs,
 * how many meetings that takes under the meeting-close distribution and the win rate, and
 * whether the field days give that many meetings. The verdict names the numbers behind it.
 */
import { allocate } from '../money.js';
import { CLASS_KEYS, type ClassKey, type PlanSettings } from './settings.js';

/** How the class split was obtained. */
export type ClassMode = 'share' | 'funnel';

/** One class line of the funnel. */
export interface FunnelClass {
  readonly key: ClassKey;
  /** Minor units this class must bring. */
  readonly amount: number;
  readonly customers?: number;
  readonly repeatRate?: number;
  /** Existing customers expected to buy again (customers × repeat rate). */
  readonly expectedBuyers?: number;
  readonly averageOrder?: number;
  /** Orders needed at the class's average order value (ceil(amount / order)). */
  readonly ordersNeeded?: number;
}

/** Feasibility of the plan. */
export interface Verdict {
  readonly status: 'feasible' | 'short' | 'unknown';
  /** Meetings missing versus the field-day capacity. */
  readonly shortMeetings: number;
  /** Customers (signings) the plan misses because of the meeting or prospect shortage. */
  readonly shortCustomers: number;
  /** Prospects missing versus those in hand, when the prospect count was given. */
  readonly shortProspects: number;
  /** Inputs needed for a verdict that were not given. */
  readonly missing: readonly string[];
}

/** The whole funnel. */
export interface Funnel {
  readonly mode: ClassMode;
  readonly classes: readonly FunnelClass[];
  /** Signings from existing customers (A/B/C). */
  readonly existingSignings: number;
  /** New customers to sign in all. */
  readonly newCustomersNeeded: number;
  /** New customers expected to sign through seminars. */
  readonly seminarSignings: number;
  /** New customers who must be won through meetings. */
  readonly newByMeetings: number;
  /** Average meetings per won customer from the meeting-close distribution (e.g. 1.45). */
  readonly meetingsPerWin: number;
  readonly winRate: number;
  /** New prospects to meet: new customers by meetings ÷ win rate. */
  readonly prospectsToMeet: number;
  readonly meetingsNeeded: { readonly existing: number; readonly new: number; readonly total: number };
  readonly capacity: {
    readonly fieldDays: number;
    readonly meetingsPerFieldDay: number;
    readonly meetings: number;
  };
  readonly meetingClose: readonly number[];
  readonly verdict: Verdict;
}

/** Class amounts: by share, or existing customers' expected revenue with the rest to new. */
export function classAmounts(settings: PlanSettings): {
  mode: ClassMode;
  amounts: number[];
  exceeds: boolean;
} {
  const { classes, target } = settings;
  if (classes.some((c) => c.share !== undefined)) {
    return {
      mode: 'share',
      amounts: allocate(
        target,
        classes.map((c) => c.share ?? 0),
      ),
      exceeds: false,
    };
  }
  const expected = classes.map((c) =>
    c.key === 'new' ? 0 : expectedRevenue(c.customers ?? 0, c.repeatRate ?? 0, c.averageOrder ?? 0),
  );
  const existing = expected.reduce((a, b) => a + b, 0);
  if (existing >= target && existing > 0) {
    // Existing customers alone would exceed the target: scale them down, nothing left for new.
    return { mode: 'funnel', amounts: allocate(target, expected), exceeds: existing > target };
  }
  return {
    mode: 'funnel',
    amounts: expected.map((v, i) => (CLASS_KEYS[i] === 'new' ? target - existing : v)),
    exceeds: false,
  };
}

/**
 * Computes the funnel for class amounts already decided by {@link classAmounts}.
 * `fieldDays` is the number of field days in the plan's range.
 */
export function computeFunnel(
  settings: PlanSettings,
  split: { mode: ClassMode; amounts: readonly number[] },
  fieldDays: number,
  /** Seminar invitations of the year that go to new prospects (the others are existing customers). */
  newInvitations: number,
): Funnel {
  const { funnel } = settings;
  const missing: string[] = [];
  const classes: FunnelClass[] = settings.classes.map((c, i) => {
    const amount = split.amounts[i] ?? 0;
    const line: FunnelClass = {
      key: c.key,
      amount,
      ...(c.customers !== undefined ? { customers: c.customers } : {}),
      ...(c.repeatRate !== undefined ? { repeatRate: c.repeatRate } : {}),
      ...(c.customers !== undefined && c.repeatRate !== undefined
        ? { expectedBuyers: Math.round((c.customers * bp(c.repeatRate)) / 1000) / 10 }
        : {}),
      ...(c.averageOrder !== undefined ? { averageOrder: c.averageOrder } : {}),
      ...(c.averageOrder ? { ordersNeeded: Math.ceil(amount / c.averageOrder) } : {}),
    };
    // A class with customers but no order value would silently bring nothing: say so.
    if ((amount > 0 || (c.customers ?? 0) > 0) && !c.averageOrder)
      missing.push(`classes.${c.key}.averageOrder`);
    return line;
  });

  const existingSignings = classes
    .filter((c) => c.key !== 'new')
    .reduce((n, c) => n + (c.ordersNeeded ?? 0), 0);
  const newCustomersNeeded = classes.find((c) => c.key === 'new')?.ordersNeeded ?? 0;
  // Rates are compared in basis points (1/100 of a percent) with integer arithmetic, so
  // 21 customers at 35 % need exactly 60 prospects, not 61 from 21 / 0.35 = 60.000…01.
  const winBp = bp(funnel.winRate);
  const signBp = bp(settings.seminars.signRate);
  // Meetings per win in basis points of a meeting: 65/25/10 → 14,500 (1.45 meetings).
  const perWinBp = funnel.meetingClose.reduce((sum, share, i) => sum + bp(share) * (i + 1), 0);
  const seminarSignings = Math.min(newCustomersNeeded, Math.floor((newInvitations * signBp) / BP));
  const newByMeetings = newCustomersNeeded - seminarSignings;

  if (newByMeetings > 0 && winBp === 0) missing.push('funnel.winRate');
  const prospectsToMeet = winBp > 0 ? ceilDiv(newByMeetings * BP, winBp) : 0;
  const existingMeetings = ceilDiv(existingSignings * perWinBp, BP);
  const newMeetings = ceilDiv(prospectsToMeet * perWinBp, BP);
  const capacityMeetings = Math.floor(fieldDays * funnel.meetingsPerFieldDay);

  let shortMeetings = 0;
  let shortCustomers = 0;
  let shortProspects = 0;
  const totalMeetings = existingMeetings + newMeetings;
  if (totalMeetings > capacityMeetings) {
    shortMeetings = totalMeetings - capacityMeetings;
    // Existing customers are met first; the meetings left decide how many new ones can be won.
    const left = Math.max(0, capacityMeetings - existingMeetings);
    const existingReachable = Math.min(existingSignings, Math.floor((capacityMeetings * BP) / perWinBp));
    const newReachable = Math.floor((Math.floor((left * BP) / perWinBp) * winBp) / BP);
    shortCustomers = existingSignings - existingReachable + Math.max(0, newByMeetings - newReachable);
  }
  if (funnel.prospects !== undefined && prospectsToMeet > funnel.prospects) {
    shortProspects = prospectsToMeet - funnel.prospects;
    shortCustomers = Math.max(shortCustomers, newByMeetings - Math.floor((funnel.prospects * winBp) / BP));
  }
  const status =
    missing.length > 0 ? 'unknown' : shortMeetings > 0 || shortProspects > 0 ? 'short' : 'feasible';

  return {
    mode: split.mode,
    classes,
    existingSignings,
    newCustomersNeeded,
    seminarSignings,
    newByMeetings,
    meetingsPerWin: perWinBp / BP,
    winRate: funnel.winRate,
    prospectsToMeet,
    meetingsNeeded: { existing: existingMeetings, new: newMeetings, total: totalMeetings },
    capacity: { fieldDays, meetingsPerFieldDay: funnel.meetingsPerFieldDay, meetings: capacityMeetings },
    meetingClose: funnel.meetingClose,
    verdict: { status, shortMeetings, shortCustomers, shortProspects, missing },
  };
}

/** customers × repeat rate × order value in minor units, exact (BigInt: the product can pass 2^53). */
function expectedRevenue(customers: number, repeatRate: number, averageOrder: number): number {
  const scaled = BigInt(customers) * BigInt(bp(repeatRate)) * BigInt(averageOrder);
  // Round half up to the fen.
  return Number((scaled + BigInt(BP / 2)) / BigInt(BP));
}

/** Basis points in one (100 %). */
const BP = 10_000;

/** A rate (fraction of 1) in whole basis points; rates are given to 0.01 %. */
function bp(rate: number): number {
  return Math.round(rate * BP);
}

/** ⌈a / b⌉ for non-negative integers, without floating-point division. */
function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}
