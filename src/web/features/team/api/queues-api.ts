/** The plan's per-member targets, the assistants' queues and the hand-off, over the API. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { teamKeys } from './team-keys';

/** GET /api/queues/prospecting (the use case's module imports server-only code, so the shape is restated). */
export interface ProspectingQueue {
  readonly memberId: string;
  readonly today: string;
  readonly items: readonly {
    customerId: string;
    name: string;
    city: string | null;
    class: string;
    status: 'lead' | 'contacted';
    lastVisitOn: string | null;
    daysSince: number;
  }[];
  readonly weeklyQuota: number | null;
  readonly thisWeek: number;
}

/** One customer of an after-sales queue. */
export interface AfterSalesItem {
  readonly customerId: string;
  readonly name: string;
  readonly class: string;
  readonly city: string | null;
  readonly lastDealOn: string | null;
  readonly lastDealAmountMinor: number | null;
  readonly daysSinceLastDeal: number | null;
}

/** GET /api/queues/after-sales. */
export interface AfterSalesQueue {
  readonly memberId: string;
  readonly today: string;
  readonly items: readonly AfterSalesItem[];
  readonly repeatCandidates: readonly AfterSalesItem[];
  readonly upcomingFunds: readonly {
    dealId: string;
    customerId: string;
    name: string;
    expectedFundsOn: string;
    outstandingMinor: number;
  }[];
}

/** GET /api/plans/:year?level=year&dimension=members: one row, `by` member name → amount (fen). */
export interface PlanMembersTable {
  readonly year: number;
  readonly revision: number;
  readonly rows: readonly { period: string; amount: number; by: Record<string, number> }[];
}

/** The saved plan's annual target per member. */
export function usePlanMembers(year: number) {
  return useQuery({
    queryKey: teamKeys.planMembers(year),
    queryFn: () =>
      api<PlanMembersTable>('GET', `/api/plans/${year}`, { query: { level: 'year', dimension: 'members' } }),
  });
}

/** A prospecting assistant's queue. */
export function useProspectingQueue(memberId: string) {
  return useQuery({
    queryKey: teamKeys.prospecting(memberId),
    queryFn: () => api<ProspectingQueue>('GET', '/api/queues/prospecting', { query: { memberId } }),
  });
}

/** An after-sales assistant's queue with the repeat candidates. */
export function useAfterSalesQueue(memberId: string) {
  return useQuery({
    queryKey: teamKeys.afterSales(memberId),
    queryFn: () => api<AfterSalesQueue>('GET', '/api/queues/after-sales', { query: { memberId } }),
  });
}

/** Hands a customer to the salesperson (`to_lead`) or to after-sales. */
export function handoffCustomer(customerId: string, kind: 'to_lead' | 'to_after_sales'): Promise<unknown> {
  return api('POST', `/api/customers/${customerId}/handoff`, { body: { kind } });
}
