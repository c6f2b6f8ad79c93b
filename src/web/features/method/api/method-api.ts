/**
 * The method's endpoints for the Today page, the guided visit and the customer page:
 * Today, the discovery chain, the pitch list, the objection catalog, close attempts,
 * next-visit plans, follow-ups and the workspace's third-meeting policy.
 */
import { useQuery } from '@tanstack/react-query';
import type {
  CloseAttempt,
  CloseAttemptCreated,
  CreateCloseAttemptInput,
} from '../../../../contract/close-attempts.js';
import type { CreateFollowUpInput, FollowUp } from '../../../../contract/follow-ups.js';
import type {
  DiscoveryChainView,
  ObjectionTypeView,
  PitchList,
  VisitDiscovery,
} from '../../../../contract/method.js';
import type { NextVisitPlan } from '../../../../contract/next-visit-plans.js';
import type { WorkspaceSettings } from '../../../../contract/settings.js';
import type { CreateVisitInput, VisitWrite } from '../../../../contract/visits.js';
import type { SuggestionReason, TodayNumbers } from '../../../../domain/method/today.js';
import { api } from '../../../lib/api';
import { methodKeys } from './method-keys';

/** GET /api/today (the shape of `TodayView` in src/app/progress/get-today.ts, whose module the browser must not load). */
export interface TodayView {
  readonly date: string;
  readonly scope: 'workspace' | 'member';
  readonly plan: { readonly year: number; readonly revision: number } | null;
  readonly memberInPlan: boolean;
  readonly numbers: TodayNumbers | null;
  readonly followUps: readonly {
    readonly id: string;
    readonly customerId: string;
    readonly customerName: string;
    readonly dueOn: string;
    readonly kind: string;
    readonly notes: string | null;
    readonly daysOverdue: number;
  }[];
  readonly suggestions: readonly {
    readonly customerId: string;
    readonly customerName: string;
    readonly class: 'A' | 'B' | 'C' | 'new';
    readonly status: string;
    readonly reasons: readonly SuggestionReason[];
    readonly expectedAmount: number;
    readonly amountSource: 'open_deal' | 'class_average' | 'none';
  }[];
  readonly suggestionsTotal: number;
  readonly shortfall: number;
}

export type { CloseAttempt, NextVisitPlan, ObjectionTypeView };

/** The caller's day. */
export function useToday() {
  return useQuery({ queryKey: methodKeys.today, queryFn: () => api<TodayView>('GET', '/api/today') });
}

/** The workspace's method settings (the third-meeting policy). */
export function useWorkspaceSettings() {
  return useQuery({
    queryKey: methodKeys.workspaceSettings,
    queryFn: () => api<WorkspaceSettings>('GET', '/api/workspace/settings'),
    staleTime: 60_000,
  });
}

/** The discovery chain in force. */
export function useDiscoveryChain() {
  return useQuery({
    queryKey: methodKeys.discoveryChain,
    queryFn: () => api<DiscoveryChainView>('GET', '/api/discovery-chain'),
    staleTime: 60_000,
  });
}

/** The objection catalog (objections and stalls with their scripted replies). */
export function useObjectionTypes() {
  return useQuery({
    queryKey: methodKeys.objectionTypes,
    queryFn: () => api<ObjectionTypeView[]>('GET', '/api/objection-types'),
    staleTime: 60_000,
  });
}

/** A customer's close attempts with their count. */
export function useCloseAttempts(customerId: string) {
  return useQuery({
    queryKey: methodKeys.closeAttempts(customerId),
    queryFn: () =>
      api<{ count: number; items: CloseAttempt[] }>('GET', `/api/customers/${customerId}/close-attempts`),
  });
}

/** A customer's next-visit plans, open ones first. */
export function useNextVisitPlans(customerId: string) {
  return useQuery({
    queryKey: methodKeys.nextVisitPlans(customerId),
    queryFn: () => api<NextVisitPlan[]>('GET', `/api/customers/${customerId}/next-visit-plans`),
  });
}

/** Logs a visit; the answer carries the server's warnings (a third meeting …). */
export function logVisit(input: CreateVisitInput): Promise<VisitWrite> {
  return api<VisitWrite>('POST', '/api/visits', { body: input });
}

/** Writes a visit's discovery answers and pains. */
export function saveDiscovery(
  visitId: string,
  body: {
    version: number;
    discoveryVersion: number;
    answers: { questionId: string; answer: string }[];
    pains: { category: string; need: string }[];
  },
): Promise<VisitDiscovery> {
  return api<VisitDiscovery>('PUT', `/api/visits/${visitId}/discovery`, { body });
}

/** The products to pitch for the customer's pains. */
export function getPitchList(customerId: string): Promise<PitchList> {
  return api<PitchList>('GET', `/api/customers/${customerId}/pitch-list`);
}

/** Logs a close attempt (a signed one with its `deal`, created in the same transaction). */
export function createCloseAttempt(input: CreateCloseAttemptInput): Promise<CloseAttemptCreated> {
  return api<CloseAttemptCreated>('POST', '/api/close-attempts', { body: input });
}

/** Adds a follow-up. */
export function createFollowUp(input: CreateFollowUpInput): Promise<FollowUp> {
  return api<FollowUp>('POST', '/api/follow-ups', { body: input });
}

/** Marks a follow-up done (reads its version first: Today's list does not carry it). */
export async function completeFollowUp(id: string): Promise<FollowUp> {
  const current = await api<FollowUp>('GET', `/api/follow-ups/${id}`);
  return api<FollowUp>('PATCH', `/api/follow-ups/${id}`, { body: { done: true, version: current.version } });
}
