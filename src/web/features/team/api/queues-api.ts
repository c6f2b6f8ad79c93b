/** The plan's per-member targets, the assistants' queues and the hand-off, over the API. */
import { useQuery } from '@tanstack/react-query';
import type { AnswerOf } from '../../../../contract/http.js';
import { planRoutes } from '../../../../contract/plans.js';
import { teamRoutes } from '../../../../contract/team.js';
import { call, useRouteQuery } from '../../../lib/api';
import { teamKeys } from './team-keys';

export type { AfterSalesQueue, ProspectingQueue } from '../../../../contract/team.js';

/** One customer of an after-sales queue. */
export type AfterSalesItem = AnswerOf<typeof teamRoutes.afterSalesQueue>['items'][number];

/** The saved plan's annual target per member. */
export function usePlanMembers(year: number) {
  return useQuery({
    queryKey: teamKeys.planMembers(year),
    queryFn: async () => {
      const plan = await call(planRoutes.read, {
        params: { year },
        query: { level: 'year', dimension: 'members' },
      });
      // Asked for a level, the plan answers its rows (the whole decomposition has none).
      return { ...plan, rows: 'rows' in plan ? plan.rows : [] };
    },
  });
}

/** A prospecting assistant's queue. */
export function useProspectingQueue(memberId: string) {
  return useRouteQuery(teamKeys.prospecting(memberId), teamRoutes.prospectingQueue, { query: { memberId } });
}

/** An after-sales assistant's queue with the repeat candidates. */
export function useAfterSalesQueue(memberId: string) {
  return useRouteQuery(teamKeys.afterSales(memberId), teamRoutes.afterSalesQueue, { query: { memberId } });
}

/** Hands a customer to the salesperson (`to_lead`) or to after-sales. */
export function handoffCustomer(customerId: string, kind: 'to_lead' | 'to_after_sales') {
  return call(teamRoutes.handoff, { params: { id: customerId }, body: { kind } });
}
