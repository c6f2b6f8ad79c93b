/** Plans over the API: revisions (GET /api/plans), saving one (POST /api/plans), and the markets they name. */
import { marketRoutes } from '../../../../contract/markets.js';
import { type PlanRevision, planRoutes } from '../../../../contract/plans.js';
import type { PlanInput } from '../../../../domain/plan/settings.js';
import { call, useRouteQuery } from '../../../lib/api';
import { planKeys } from './plan-keys';

export type { PlanRevision };

/** All revisions, newest first. */
export function usePlanRevisions() {
  return useRouteQuery(planKeys.revisions, planRoutes.list);
}

/** Saves `input` as the next revision of its year. */
export function savePlan(input: PlanInput): Promise<PlanRevision> {
  return call(planRoutes.save, { body: input });
}

/**
 * Makes the workspace's market records follow the plan's markets (same name → same record),
 * so customers can be filed under the markets the plan splits the target by. Markets not in
 * the plan are left alone: customers may still point at them.
 */
export async function syncMarkets(
  markets: readonly { name: string; share: number; cities?: string[] }[],
): Promise<void> {
  const existing = await call(marketRoutes.list, { query: { limit: 200 } });
  for (const m of markets) {
    const sharePercent = Math.round(m.share * 100) / 100;
    const found = existing.items.find((e) => e.name === m.name);
    if (!found) {
      await call(marketRoutes.create, {
        body: { name: m.name, sharePercent, ...(m.cities ? { cities: m.cities } : {}) },
      });
    } else if (found.sharePercent !== sharePercent) {
      await call(marketRoutes.update, {
        params: { id: found.id },
        body: { sharePercent, version: found.version },
      });
    }
  }
}
