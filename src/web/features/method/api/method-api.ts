/**
 * The method's endpoints for the Today page, the guided visit and the customer page:
 * Today, the discovery chain, the pitch list, the objection catalog, close attempts,
 * next-visit plans, follow-ups and the workspace's third-meeting policy.
 */
import {
  type CloseAttempt,
  type CloseAttemptCreated,
  type CreateCloseAttemptInput,
  closeAttemptRoutes,
} from '../../../../contract/close-attempts.js';
import { type CreateFollowUpInput, type FollowUp, followUpRoutes } from '../../../../contract/follow-ups.js';
import type { RequestOf } from '../../../../contract/http.js';
import {
  discoveryRoutes,
  type ObjectionTypeView,
  objectionTypeRoutes,
  type PitchList,
  type VisitDiscovery,
} from '../../../../contract/method.js';
import { type NextVisitPlan, nextVisitRoutes } from '../../../../contract/next-visit-plans.js';
import { progressRoutes } from '../../../../contract/progress.js';
import { settingsRoutes } from '../../../../contract/settings.js';
import { type CreateVisitInput, type VisitWrite, visitRoutes } from '../../../../contract/visits.js';
import { call, useRouteQuery } from '../../../lib/api';
import { methodKeys } from './method-keys';

export type { TodayView } from '../../../../contract/progress.js';
export type { CloseAttempt, NextVisitPlan, ObjectionTypeView };

/** What "write a visit's discovery" sends: the visit's version, the chain version, answers and pains. */
export type VisitDiscoveryBody = RequestOf<typeof discoveryRoutes.recordVisitDiscovery>['body'];

/** The caller's day. */
export function useToday() {
  return useRouteQuery(methodKeys.today, progressRoutes.today);
}

/** The workspace's method settings (the third-meeting policy). */
export function useWorkspaceSettings() {
  return useRouteQuery(methodKeys.workspaceSettings, settingsRoutes.get, undefined, { staleTime: 60_000 });
}

/** The discovery chain in force. */
export function useDiscoveryChain() {
  return useRouteQuery(methodKeys.discoveryChain, discoveryRoutes.chain, undefined, { staleTime: 60_000 });
}

/** The objection catalog (objections and stalls with their scripted replies). */
export function useObjectionTypes() {
  return useRouteQuery(methodKeys.objectionTypes, objectionTypeRoutes.list, undefined, { staleTime: 60_000 });
}

/** A customer's close attempts with their count. */
export function useCloseAttempts(customerId: string) {
  return useRouteQuery(methodKeys.closeAttempts(customerId), closeAttemptRoutes.ofCustomer, {
    params: { id: customerId },
  });
}

/** A customer's next-visit plans, open ones first. */
export function useNextVisitPlans(customerId: string) {
  return useRouteQuery(methodKeys.nextVisitPlans(customerId), nextVisitRoutes.listPlans, {
    params: { id: customerId },
  });
}

/** Logs a visit; the answer carries the server's warnings (a third meeting …). */
export function logVisit(input: CreateVisitInput): Promise<VisitWrite> {
  return call(visitRoutes.create, { body: input });
}

/** Writes a visit's discovery answers and pains. */
export function saveDiscovery(visitId: string, body: VisitDiscoveryBody): Promise<VisitDiscovery> {
  return call(discoveryRoutes.recordVisitDiscovery, { params: { id: visitId }, body });
}

/** The products to pitch for the customer's pains. */
export function getPitchList(customerId: string): Promise<PitchList> {
  return call(discoveryRoutes.pitchList, { params: { id: customerId } });
}

/** Logs a close attempt (a signed one with its `deal`, created in the same transaction). */
export function createCloseAttempt(input: CreateCloseAttemptInput): Promise<CloseAttemptCreated> {
  return call(closeAttemptRoutes.create, { body: input });
}

/** Adds a follow-up. */
export function createFollowUp(input: CreateFollowUpInput): Promise<FollowUp> {
  return call(followUpRoutes.create, { body: input });
}

/** Marks a follow-up done (reads its version first: Today's list does not carry it). */
export async function completeFollowUp(id: string): Promise<FollowUp> {
  const current = await call(followUpRoutes.get, { params: { id } });
  return call(followUpRoutes.update, { params: { id }, body: { done: true, version: current.version } });
}
