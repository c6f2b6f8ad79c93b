/** Plans over the API: revisions (GET /api/plans), saving one (POST /api/plans), and the markets they name. */
import { useQuery } from '@tanstack/react-query';
import type { Market } from '../../../../contract/markets.js';
import type { PlanInput } from '../../../../domain/plan/settings.js';
import { api, type Page } from '../../../lib/api';
import { planKeys } from './plan-keys';

/** A stored plan revision. */
export interface PlanRevision {
  readonly id: string;
  readonly year: number;
  readonly revision: number;
  readonly input: Record<string, unknown>;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

/** All revisions, newest first. */
export function usePlanRevisions() {
  return useQuery({ queryKey: planKeys.revisions, queryFn: () => api<PlanRevision[]>('GET', '/api/plans') });
}

/** Saves `input` as the next revision of its year. */
export function savePlan(input: PlanInput): Promise<PlanRevision> {
  return api<PlanRevision>('POST', '/api/plans', { body: input });
}

/**
 * Makes the workspace's market records follow the plan's markets (same name → same record),
 * so customers can be filed under the markets the plan splits the target by. Markets not in
 * the plan are left alone: customers may still point at them.
 */
export async function syncMarkets(
  markets: readonly { name: string; share: number; cities?: string[] }[],
): Promise<void> {
  const existing = await api<Page<Market>>('GET', '/api/markets', { query: { limit: 200 } });
  for (const m of markets) {
    const sharePercent = Math.round(m.share * 100) / 100;
    const found = existing.items.find((e) => e.name === m.name);
    if (!found) {
      await api('POST', '/api/markets', {
        body: { name: m.name, sharePercent, ...(m.cities ? { cities: m.cities } : {}) },
      });
    } else if (found.sharePercent !== sharePercent) {
      await api('PATCH', `/api/markets/${found.id}`, { body: { sharePercent, version: found.version } });
    }
  }
}
