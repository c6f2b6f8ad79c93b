/**
 * Team duties (团队分工): the prospecting assistant develops new customers against a weekly
 * quota; the after-sales assistant looks after won customers and spots who is due to buy
 * again. Pure rules; dates are ISO `YYYY-MM-DD` business dates.
 */
import { addDays } from '../dates.js';
import { allocate } from '../money.js';

/**
 * Days without a deal after which a won customer is due for a repeat purchase: A-class
 * customers buy about twice a year (renewal talks start after 180 days), B-class about
 * once in nine months (270 days). C and new customers are not chased for repeats by
 * after-sales; the lead decides.
 */
export const REPEAT_AFTER_DAYS = { A: 180, B: 270 } as const;

/** True when an A/B customer's last deal is older than its class's repeat interval on `today`. */
export function isRepeatCandidate(customerClass: string, lastDealOn: string | null, today: string): boolean {
  if (lastDealOn === null) return false;
  const days =
    customerClass === 'A' ? REPEAT_AFTER_DAYS.A : customerClass === 'B' ? REPEAT_AFTER_DAYS.B : null;
  if (days === null) return false;
  return lastDealOn < addDays(today, -days);
}

/**
 * One prospecting assistant's share of the new customers a plan needs in the week that
 * contains `today`: the year's new customers split over the plan's weeks in proportion to
 * their working days, then that week's number split equally over the prospecting
 * assistants (`assistantIndex` of `assistants`). Both splits are exact largest remainder,
 * so the assistants' weekly numbers add up to the year. 0 outside the plan's weeks.
 */
export function weeklyNewCustomerQuota(options: {
  newCustomers: number;
  weeks: readonly { readonly start: string; readonly end: string; readonly workingDays: number }[];
  today: string;
  assistants: number;
  assistantIndex: number;
}): number {
  const { weeks, today } = options;
  const w = weeks.findIndex((week) => week.start <= today && today <= week.end);
  if (w < 0 || options.assistants <= 0) return 0;
  const working = weeks.map((week) => week.workingDays);
  const perWeek = allocate(options.newCustomers, working.some((d) => d > 0) ? working : working.map(() => 1));
  const thisWeek = perWeek[w] ?? 0;
  const perAssistant = allocate(
    thisWeek,
    Array.from({ length: options.assistants }, () => 1),
  );
  return perAssistant[options.assistantIndex] ?? 0;
}
