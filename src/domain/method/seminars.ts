/**
 * Seminar selling (会销), method part "seminars": who to invite to a seminar and whether
 * seminars pay off. Invitation quotas split the seminar's invitations exactly over the
 * markets by share, over a market's cities equally, and over the classes in proportion
 * to the customers the plan still needs of each class — every level a largest-remainder
 * split, so the parts always add up to the invitations.
 */
import { allocate } from '../money.js';

/** The customer classes, in the order quotas list them. */
export const SEMINAR_CLASSES = ['A', 'B', 'C', 'new'] as const;
export type SeminarClass = (typeof SEMINAR_CLASSES)[number];

/** A market as the quota needs it. */
export interface QuotaMarket {
  readonly id: string;
  readonly name: string;
  /** Share of the plan in basis points (hundredths of a percent). */
  readonly shareBp: number;
  /** Its cities; a market without cities is one city named like the market. */
  readonly cities: readonly string[];
}

/** One market's quota, split over its cities and each city's over the classes. */
export interface MarketQuota {
  readonly id: string;
  readonly name: string;
  readonly quota: number;
  readonly cities: readonly {
    readonly city: string;
    readonly quota: number;
    readonly classes: Readonly<Record<SeminarClass, number>>;
  }[];
}

/**
 * Splits `invitations` over markets → cities → classes. Markets by `shareBp` (all
 * shares 0: equally), cities of a market equally, classes by `classNeed` (all needs 0:
 * equally). Ties go to the earlier market, city and class. With no market the result is
 * empty (nothing to split over).
 * @throws RangeError when `invitations` is not a non-negative safe integer or a share or
 *   need is negative.
 */
export function invitationQuotas(options: {
  invitations: number;
  markets: readonly QuotaMarket[];
  classNeed: Readonly<Record<SeminarClass, number>>;
}): MarketQuota[] {
  const { invitations, markets, classNeed } = options;
  if (markets.length === 0) return [];
  const shares = markets.map((m) => m.shareBp);
  const byMarket = allocate(invitations, shares.some((s) => s > 0) ? shares : shares.map(() => 1));
  const needs = SEMINAR_CLASSES.map((k) => classNeed[k]);
  const classWeights = needs.some((n) => n > 0) ? needs : needs.map(() => 1);
  return markets.map((m, i) => {
    const quota = byMarket[i] ?? 0;
    const cities = m.cities.length > 0 ? m.cities : [m.name];
    const byCity = allocate(
      quota,
      cities.map(() => 1),
    );
    return {
      id: m.id,
      name: m.name,
      quota,
      cities: cities.map((city, c) => {
        const cityQuota = byCity[c] ?? 0;
        const parts = allocate(cityQuota, classWeights);
        return {
          city,
          quota: cityQuota,
          classes: { A: parts[0] ?? 0, B: parts[1] ?? 0, C: parts[2] ?? 0, new: parts[3] ?? 0 },
        };
      }),
    };
  });
}

/** Days after a seminar during which an attendee's signing counts for the seminar. */
export const SIGNING_WINDOW_DAYS = 60;

/**
 * A rate in whole basis points, rounded half up; null when nothing to divide by
 * (0 attended is "no rate", not 0 %).
 */
export function rateBp(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.floor((part * 20_000 + whole) / (whole * 2));
}

/** Difference of two rates (bp) in percentage points with two decimals; null when either is missing. */
export function differencePoints(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  return (a - b) / 100;
}
