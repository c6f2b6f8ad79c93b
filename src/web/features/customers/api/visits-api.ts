/** A customer's visit timeline over the API: discoveries, chain versions, changing and deleting visits. */
import { discoveryRoutes } from '../../../../contract/method.js';
import {
  type UpdateVisitInput,
  type Visit,
  type VisitWrite,
  visitRoutes,
} from '../../../../contract/visits.js';
import { call, useRouteQuery } from '../../../lib/api';
import { customerKeys } from './customer-keys';

/** What the customer's visits found out (one entry per visit with a discovery). */
export function useDiscoveries(customerId: string) {
  return useRouteQuery(customerKeys.discoveries(customerId), discoveryRoutes.customerDiscoveries, {
    params: { id: customerId },
  });
}

/** Every version of the discovery chain, so old answers show the question they answered. */
export function useDiscoveryChainVersions() {
  return useRouteQuery(customerKeys.discoveryChainVersions, discoveryRoutes.chainVersions, undefined, {
    staleTime: 60_000,
  });
}

/** Reads one visit as it is now (after a stale save). */
export function getVisit(id: string): Promise<Visit> {
  return call(visitRoutes.get, { params: { id } });
}

/** Changes a visit (send the version read; 409 CONFLICT.STALE when someone changed it since). */
export function updateVisit(id: string, input: UpdateVisitInput): Promise<VisitWrite> {
  return call(visitRoutes.update, { params: { id }, body: input });
}

/** Deletes a visit; the customer's later meetings are renumbered by the server. */
export async function deleteVisit(id: string): Promise<void> {
  await call(visitRoutes.remove, { params: { id } });
}
