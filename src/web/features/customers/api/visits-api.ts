/** A customer's visit timeline over the API: discoveries, chain versions, changing and deleting visits. */
import { useQuery } from '@tanstack/react-query';
import type { DiscoveryChainView, VisitDiscovery } from '../../../../contract/method.js';
import type { UpdateVisitInput, Visit, VisitWrite } from '../../../../contract/visits.js';
import { api } from '../../../lib/api';
import { customerKeys } from './customer-keys';

/** What the customer's visits found out (one entry per visit with a discovery). */
export function useDiscoveries(customerId: string) {
  return useQuery({
    queryKey: customerKeys.discoveries(customerId),
    queryFn: () => api<VisitDiscovery[]>('GET', `/api/customers/${customerId}/discoveries`),
  });
}

/** Every version of the discovery chain, so old answers show the question they answered. */
export function useDiscoveryChainVersions() {
  return useQuery({
    queryKey: customerKeys.discoveryChainVersions,
    queryFn: () => api<DiscoveryChainView[]>('GET', '/api/discovery-chain/versions'),
    staleTime: 60_000,
  });
}

/** Reads one visit as it is now (after a stale save). */
export function getVisit(id: string): Promise<Visit> {
  return api<Visit>('GET', `/api/visits/${id}`);
}

/** Changes a visit (send the version read; 409 CONFLICT.STALE when someone changed it since). */
export function updateVisit(id: string, input: UpdateVisitInput): Promise<VisitWrite> {
  return api<VisitWrite>('PATCH', `/api/visits/${id}`, { body: input });
}

/** Deletes a visit; the customer's later meetings are renumbered by the server. */
export function deleteVisit(id: string): Promise<void> {
  return api<void>('DELETE', `/api/visits/${id}`);
}
