/**
 * Plan settings that several plan tests share: a calendar without holidays (so the
 * numbers depend only on weekdays) and a region whose existing customers buy again, so
 * the plan's totals (all meetings, all new customers) differ from the new-business
 * funnel's stages, as on the demo plan.
 */
import type { HolidayData } from '../../src/domain/calendar.js';

/** No public holidays and no make-up working days: Monday to Friday work. */
export const NO_HOLIDAYS: HolidayData = { years: new Set(), holidays: new Map(), workdays: new Map() };

/**
 * Customer classes with repeat orders: A 10×80 %×10万 = 80万, B 30×60 %×5万 = 90万,
 * C 60×50 %×2万 = 60万, new customers at 3万 each.
 */
export const REPEAT_CLASSES = {
  A: { customers: 10, repeatRate: 80, averageOrder: '10万' },
  B: { customers: 30, repeatRate: 60, averageOrder: '5万' },
  C: { customers: 60, repeatRate: 50, averageOrder: '2万' },
  new: { averageOrder: '3万' },
} as const;

/** One seminar a month, 30 invitations, 10 % of the invited sign. */
export const MONTHLY_SEMINAR = { perMonth: 1, invitations: 30, signRate: 10 } as const;

/** The method article's region: its main market, the secondary one and overseas (50/40/10). */
export const ARTICLE_MARKETS = [
  { name: '杭州主城+萧山', share: 50 },
  { name: '富阳/桐庐/临安', share: 40 },
  { name: '海外', share: 10 },
] as const;
