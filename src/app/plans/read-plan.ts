/**
 * Use case: read a plan as GET /api/plans/:year answers it — the whole decomposition, or
 * one level of it (year, quarters, months, weeks, days) with each period's amount, split by
 * a dimension (markets, classes, members) when one is asked for.
 */
import type { z } from 'zod';
import type {
  PlanDimension,
  PlanLevel,
  PlanPeriodRow,
  planReadView,
  ReadPlanQuery,
} from '../../contract/plans.js';
import type { PlanResult } from '../../domain/plan/plan.js';
import type { Deps, Principal } from '../context.js';
import { getPlan } from './get-plan.js';

/** A plan read: its revision's head, then the whole result or one level's rows. */
export type PlanRead = z.input<typeof planReadView>;

/** Reads the plan of `year` (the latest revision unless one is named) whole or at one level. */
export async function readPlan(
  deps: Deps,
  principal: Principal,
  year: number,
  query: ReadPlanQuery,
): Promise<PlanRead> {
  const { level, dimension, ...which } = query;
  const plan = await getPlan(deps, principal, { year, ...which });
  const head = { id: plan.id, year: plan.year, revision: plan.revision, createdAt: plan.createdAt };
  // The whole decomposition as a plain record (the API documents it as one).
  if (!level) return { ...head, result: { ...plan.result } };
  return {
    ...head,
    level,
    ...(dimension ? { dimension } : {}),
    rows: periodRows(plan.result, level, dimension),
  };
}

/** Each period of a level, with its amounts by the chosen dimension. */
export function periodRows(result: PlanResult, level: PlanLevel, dimension?: PlanDimension): PlanPeriodRow[] {
  const periods: {
    key: string;
    amount: number;
    byMarket: readonly number[];
    byClass: readonly number[];
    byMember: readonly number[];
  }[] =
    level === 'year'
      ? [{ key: String(result.year.year), ...result.year }]
      : level === 'quarters'
        ? result.quarters.map((q) => ({ key: `Q${q.quarter}`, ...q }))
        : level === 'months'
          ? result.months.map((m) => ({
              key: `${result.settings.year}-${String(m.month).padStart(2, '0')}`,
              ...m,
            }))
          : level === 'weeks'
            ? result.weeks.map((w) => ({ key: `${w.isoYear}-W${String(w.week).padStart(2, '0')}`, ...w }))
            : result.days.map((d) => ({ key: d.date, ...d }));
  const names =
    dimension === 'markets'
      ? result.dimensions.markets.map((m) => m.name)
      : dimension === 'classes'
        ? result.dimensions.classes.map((c) => c.key)
        : dimension === 'members'
          ? result.dimensions.members.map((m) => m.name)
          : [];
  return periods.map((p) => {
    const values = dimension === 'markets' ? p.byMarket : dimension === 'classes' ? p.byClass : p.byMember;
    return {
      period: p.key,
      amount: p.amount,
      ...(dimension ? { by: Object.fromEntries(names.map((name, i) => [name, values[i] ?? 0])) } : {}),
    };
  });
}
