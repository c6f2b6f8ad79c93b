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
    c.key === 'new' ? 0 : Math.round((c.customers ?? 0) * (c.repeatRate ?? 0) * (c.averageOrder ?? 0)),
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
  seminarInvitations: number,
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
        ? { expectedBuyers: round1(c.customers * c.repeatRate) }
        : {}),
      ...(c.averageOrder !== undefined ? { averageOrder: c.averageOrder } : {}),
      ...(c.averageOrder ? { ordersNeeded: Math.ceil(amount / c.averageOrder) } : {}),
    };
    if (amount > 0 && !c.averageOrder) missing.push(`classes.${c.key}.averageOrder`);
    return line;
  });

  const existingSignings = classes
    .filter((c) => c.key !== 'new')
    .reduce((n, c) => n + (c.ordersNeeded ?? 0), 0);
  const newCustomersNeeded = classes.find((c) => c.key === 'new')?.ordersNeeded ?? 0;
  const seminarSignings = Math.min(
    newCustomersNeeded,
    Math.floor(seminarInvitations * settings.seminars.signRate),
  );
  const newByMeetings = newCustomersNeeded - seminarSignings;

  const meetingsPerWin = funnel.meetingClose.reduce((sum, share, i) => sum + share * (i + 1), 0);
  const winRate = funnel.winRate;
  if (newByMeetings > 0 && winRate === 0) missing.push('funnel.winRate');
  const prospectsToMeet = winRate > 0 ? Math.ceil(newByMeetings / winRate) : 0;
  const existingMeetings = Math.ceil(existingSignings * meetingsPerWin);
  const newMeetings = Math.ceil(prospectsToMeet * meetingsPerWin);
  const capacityMeetings = Math.floor(fieldDays * funnel.meetingsPerFieldDay);

  let shortMeetings = 0;
  let shortCustomers = 0;
  let shortProspects = 0;
  const totalMeetings = existingMeetings + newMeetings;
  if (totalMeetings > capacityMeetings) {
    shortMeetings = totalMeetings - capacityMeetings;
    // Existing customers are met first; the meetings left decide how many new ones can be won.
    const left = Math.max(0, capacityMeetings - existingMeetings);
    const existingReachable = Math.min(existingSignings, Math.floor(capacityMeetings / meetingsPerWin));
    const newReachable = Math.floor((left / meetingsPerWin) * winRate);
    shortCustomers = existingSignings - existingReachable + Math.max(0, newByMeetings - newReachable);
  }
  if (funnel.prospects !== undefined && prospectsToMeet > funnel.prospects) {
    shortProspects = prospectsToMeet - funnel.prospects;
    shortCustomers = Math.max(shortCustomers, newByMeetings - Math.floor(funnel.prospects * winRate));
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
    meetingsPerWin: round2(meetingsPerWin),
    winRate,
    prospectsToMeet,
    meetingsNeeded: { existing: existingMeetings, new: newMeetings, total: totalMeetings },
    capacity: { fieldDays, meetingsPerFieldDay: funnel.meetingsPerFieldDay, meetings: capacityMeetings },
    meetingClose: funnel.meetingClose,
    verdict: { status, shortMeetings, shortCustomers, shortProspects, missing },
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
