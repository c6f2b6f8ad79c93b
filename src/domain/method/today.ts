/**
 * "Today" (method part 1): today's number for a person, how the month stands, and which
 * customers can supply the number — each suggestion with its reason, so the day's amount
 * has named sources. Pure: facts and dates are passed in.
 */
import { addDays, type IsoDate, toEpochDay } from '../dates.js';
import type { DayPlan, PlanResult } from '../plan/plan.js';
import { isQualified, type YesNoUnknown } from './qualification.js';
import { carriesTarget, firstRemainingDay, type PeriodPace, periodPace } from './run-rate.js';

/** Why today still needs what it needs (`needed`), or why it needs nothing. */
export const NEEDED_REASONS = [
  'needed',
  'year_met',
  'month_met',
  'not_target_day',
  'day_over',
  'no_share',
] as const;
/** One of {@link NEEDED_REASONS}. */
export type NeededReason = (typeof NEEDED_REASONS)[number];

/** Today's two numbers (what the plan says, what is still needed) and the month so far. */
export interface TodayNumbers {
  readonly date: IsoDate;
  readonly working: boolean;
  /** Whether the day carries a target (a working day, or a field day for field-day plans). */
  readonly carriesTarget: boolean;
  /** The plan's amount for the day (the caller's share): what the plan said, not what is left. */
  readonly planToday: number;
  /**
   * What the day still needs: the month's run-rate still needed (run-rate.ts) on a day
   * that carries a target and is not over; 0 when the month or the whole year's plan is met
   * (ahead), on a day without a target, and on a day that is over.
   */
  readonly neededToday: number;
  /**
   * Why: `needed`, or why nothing is — the caller's year plan is met, the month's is, the day
   * carries no target, it is over (looked at later), or the plan gives the caller no share.
   */
  readonly neededReason: NeededReason;
  /** The year so far (the caller's share), which can make today's need 0 on its own. */
  readonly year: {
    readonly plan: number;
    /** Signed this year through today. */
    readonly actual: number;
    /** Plan − actual, never below 0. */
    readonly remaining: number;
  };
  /** The month through the day (its plan and signings through it, included). */
  readonly month: PeriodPace;
}

/** What {@link todayNumbers} needs besides the plan and the day. */
export interface TodayOptions {
  /** The workspace's today: a `date` before it is over and no longer a remaining day (run-rate.ts). */
  readonly today: IsoDate;
  /** Signed this year through `date` (the same scope as `monthActual`). */
  readonly yearActual: number;
}

/**
 * Today's numbers for the plan members at `members` (indexes into the plan's members;
 * undefined = the whole plan, a manager's view), with `monthActual` signed this month
 * through `date`.
 */
export function todayNumbers(
  plan: PlanResult,
  date: IsoDate,
  members: readonly number[] | undefined,
  monthActual: number,
  options: TodayOptions,
): TodayNumbers {
  const { today, yearActual } = options;
  const share = (day: DayPlan) =>
    members ? members.reduce((n, i) => n + (day.byMember[i] ?? 0), 0) : day.amount;
  const month = date.slice(0, 7);
  const from = firstRemainingDay(date, today);
  let planned = 0;
  let yearPlan = 0;
  let planToDate = 0;
  let remainingDays = 0;
  let day: DayPlan | undefined;
  for (const d of plan.days) {
    yearPlan += share(d);
    if (!d.date.startsWith(month)) continue;
    planned += share(d);
    if (d.date <= date) planToDate += share(d);
    if (d.date >= from && carriesTarget(plan, d)) remainingDays++;
    if (d.date === date) day = d;
  }
  const monthPace = periodPace(planned, planToDate, monthActual, remainingDays);
  const { remaining, requiredDailyRate } = monthPace;
  const carries = day ? carriesTarget(plan, day) : false;
  const yearRemaining = Math.max(0, yearPlan - yearActual);
  // The first reason that makes today's need 0, in this order; else something is needed.
  const neededReason: NeededReason = !carries
    ? 'not_target_day'
    : from !== date
      ? 'day_over'
      : yearPlan === 0
        ? 'no_share'
        : yearRemaining === 0
          ? 'year_met'
          : remaining === 0
            ? 'month_met'
            : 'needed';
  return {
    date,
    working: day?.working ?? false,
    carriesTarget: carries,
    planToday: day ? share(day) : 0,
    // A met year needs nothing more today, whatever its month says (the last working day of
    // a year already ahead must not ask for the month's rest).
    neededToday: neededReason === 'needed' ? (requiredDailyRate ?? remaining) : 0,
    neededReason,
    year: { plan: yearPlan, actual: yearActual, remaining: yearRemaining },
    month: monthPace,
  };
}

/** Why a customer is suggested today. */
export type SuggestionCode =
  | 'funds_arriving'
  | 'qualified_not_closed'
  | 'repeat_candidate'
  | 'seminar_invitee';

/** A reason with its text in both languages. */
export interface SuggestionReason {
  readonly code: SuggestionCode;
  readonly zh: string;
  readonly en: string;
}

/** What is known about a customer for the suggestions. */
export interface CustomerFacts {
  readonly status: 'lead' | 'contacted' | 'qualified' | 'proposal' | 'won' | 'lost';
  readonly class: 'A' | 'B' | 'C' | 'new';
  readonly kpContactId: string | null;
  readonly willingToSign: YesNoUnknown;
  readonly ableToPay: YesNoUnknown;
  readonly expectedFundsOn: IsoDate | null;
  /** Funds dates promised in close attempts ("no money yet"). */
  readonly attemptFundsOn: readonly IsoDate[];
  /** The latest deal signed, if any. */
  readonly lastSignedOn: IsoDate | null;
  readonly seminars: readonly {
    readonly title: string;
    readonly heldOn: IsoDate;
    readonly status: 'planned' | 'held' | 'cancelled';
    readonly rsvp: 'pending' | 'yes' | 'no';
    readonly attended: boolean;
  }[];
}

/** Days before and after today in which an expected funds date makes a customer worth a visit. */
export const FUNDS_WINDOW = { before: 3, after: 7 } as const;
/** An A-class customer whose last deal is older than this is a repeat candidate. */
export const REPEAT_AFTER_DAYS = 180;
/** Seminars this many days ahead make their invitees worth a call. */
export const SEMINAR_AHEAD_DAYS = 14;
/** Attendance this many days back without a signature makes a customer worth a visit. */
export const SEMINAR_BEHIND_DAYS = 30;

/**
 * The reasons to work on a customer today, in a fixed order:
 * - `funds_arriving`: the customer's expected funds date, or one promised in a close
 *   attempt, lies in [today − 3, today + 7] and the customer is not won (nor lost);
 * - `qualified_not_closed`: qualified (KP known, willing, able to pay) and in stage
 *   qualified or proposal;
 * - `repeat_candidate`: an A-class won customer whose last deal is older than 180 days;
 * - `seminar_invitee`: invited (not declined) to a seminar not cancelled in the next 14
 *   days, or attended one in the last 30 days and signed nothing since.
 */
export function suggestionReasons(facts: CustomerFacts, today: IsoDate): SuggestionReason[] {
  const reasons: SuggestionReason[] = [];
  const from = addDays(today, -FUNDS_WINDOW.before);
  const to = addDays(today, FUNDS_WINDOW.after);
  if (facts.status !== 'won' && facts.status !== 'lost') {
    const dates = [facts.expectedFundsOn, ...facts.attemptFundsOn]
      .filter((d): d is IsoDate => d !== null && d >= from && d <= to)
      .sort();
    const date = dates[0];
    if (date !== undefined) {
      reasons.push({
        code: 'funds_arriving',
        zh: `资金预计 ${date} 到账，趁热促成签约`,
        en: `Funds expected on ${date}: go and close`,
      });
    }
  }
  if (
    (facts.status === 'qualified' || facts.status === 'proposal') &&
    isQualified({
      kpContactId: facts.kpContactId,
      willingToSign: facts.willingToSign,
      ableToPay: facts.ableToPay,
    })
  ) {
    reasons.push({
      code: 'qualified_not_closed',
      zh: '已确认关键人、有签约意愿也有付款能力，还没成交',
      en: 'Key person known, willing to sign and able to pay, but not closed yet',
    });
  }
  if (facts.class === 'A' && facts.status === 'won' && facts.lastSignedOn !== null) {
    const days = toEpochDay(today) - toEpochDay(facts.lastSignedOn);
    if (days > REPEAT_AFTER_DAYS) {
      reasons.push({
        code: 'repeat_candidate',
        zh: `A 类老客户，上次签单在 ${days} 天前（${facts.lastSignedOn}），可以争取复购`,
        en: `A-class customer, last deal ${days} days ago (${facts.lastSignedOn}): ask for a repeat order`,
      });
    }
  }
  const ahead = addDays(today, SEMINAR_AHEAD_DAYS);
  const behind = addDays(today, -SEMINAR_BEHIND_DAYS);
  const upcoming = facts.seminars
    .filter((s) => s.status !== 'cancelled' && s.rsvp !== 'no' && s.heldOn >= today && s.heldOn <= ahead)
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn))[0];
  const attended = facts.seminars
    .filter(
      (s) =>
        s.attended &&
        s.heldOn < today &&
        s.heldOn >= behind &&
        (facts.lastSignedOn === null || facts.lastSignedOn < s.heldOn),
    )
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn))[0];
  if (upcoming) {
    reasons.push({
      code: 'seminar_invitee',
      zh: `已受邀参加 ${upcoming.heldOn} 的会销“${upcoming.title}”，会前确认到场并约谈`,
      en: `Invited to the seminar "${upcoming.title}" on ${upcoming.heldOn}: confirm attendance and book a talk`,
    });
  } else if (attended) {
    reasons.push({
      code: 'seminar_invitee',
      zh: `${attended.heldOn} 参加了会销“${attended.title}”，还没签约，趁热跟进`,
      en: `Attended the seminar "${attended.title}" on ${attended.heldOn} and has not signed: follow up while it is fresh`,
    });
  }
  return reasons;
}
