/**
 * Seminar selling (会销): a monthly event at headquarters. Each seminar's invitations are
 * split over markets by market share, inside a market over its cities, and over classes by
 * the class amounts the plan needs — all exact largest-remainder splits.
 */
import { allocate } from '../money.js';
import type { MarketSetting } from './settings.js';

/** One market's invitations per seminar. */
export interface SeminarMarket {
  readonly market: string;
  readonly invitations: number;
  readonly cities: readonly { readonly city: string; readonly invitations: number }[];
}

/** The seminar programme of a plan. */
export interface SeminarPlan {
  readonly perMonth: number;
  /** Seminars in the plan's range (months that still have working days). */
  readonly count: number;
  readonly invitationsPerSeminar: number;
  readonly totalInvitations: number;
  readonly signRate: number;
  readonly byMarket: readonly SeminarMarket[];
  /** Invitations per seminar for classes A, B, C, new. */
  readonly byClass: readonly number[];
}

/** Plans the seminars for `activeMonths` months of the plan. */
export function planSeminars(options: {
  perMonth: number;
  invitations: number;
  signRate: number;
  activeMonths: number;
  markets: readonly MarketSetting[];
  classAmounts: readonly number[];
}): SeminarPlan {
  const { perMonth, invitations, markets, classAmounts } = options;
  const count = perMonth * options.activeMonths;
  const marketInvites = allocate(
    invitations,
    markets.map((m) => m.share),
  );
  const byMarket = markets.map((m, i) => {
    const n = marketInvites[i] ?? 0;
    const cities = m.cities.length > 0 ? m.cities : [m.name];
    const perCity = allocate(
      n,
      cities.map(() => 1),
    );
    return {
      market: m.name,
      invitations: n,
      cities: cities.map((city, c) => ({ city, invitations: perCity[c] ?? 0 })),
    };
  });
  const classTotal = classAmounts.reduce((a, b) => a + b, 0);
  const byClass = classTotal > 0 ? allocate(invitations, classAmounts) : classAmounts.map(() => 0);
  return {
    perMonth,
    count,
    invitationsPerSeminar: invitations,
    totalInvitations: count * invitations,
    signRate: options.signRate,
    byMarket,
    byClass,
  };
}
