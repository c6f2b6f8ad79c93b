/** Seminars (会销), their quotas, invitations and statistics over the API. */
import { useQuery } from '@tanstack/react-query';
import type { Customer } from '../../../../contract/customers.js';
import type { Invitation, Seminar } from '../../../../contract/seminars.js';
import { api, type Page } from '../../../lib/api';
import { seminarKeys } from './seminar-keys';

export type { Invitation, Seminar };

type ClassKey = 'A' | 'B' | 'C' | 'new';
interface Slot {
  readonly quota: number;
  readonly invited: number;
  readonly remaining: number;
}

/** GET /api/seminars/:id/quotas. */
export interface SeminarQuotas {
  readonly seminarId: string;
  readonly invitations: number;
  readonly source: string;
  readonly markets: readonly {
    marketId: string | null;
    name: string;
    sharePercent: number;
    quota: number;
    invited: number;
    cities: readonly (Slot & { city: string | null; classes: Record<ClassKey, Slot> })[];
  }[];
}

/** GET /api/stats/seminars. */
export interface SeminarStats {
  readonly from: string;
  readonly to: string;
  readonly signingWindowDays: number;
  readonly seminars: readonly {
    seminarId: string;
    title: string;
    heldOn: string;
    status: string;
    invited: number;
    accepted: number;
    attended: number;
    signed: number;
    signRatePercent: number | null;
  }[];
  readonly total: {
    invited: number;
    accepted: number;
    attended: number;
    signed: number;
    signRatePercent: number | null;
  };
  readonly meetingOnly: { customers: number; signed: number; signRatePercent: number | null };
  readonly differencePoints: number | null;
}

/** The seminars (first 200). */
export function useSeminars() {
  return useQuery({
    queryKey: seminarKeys.list,
    queryFn: () => api<Page<Seminar>>('GET', '/api/seminars', { query: { limit: 200 } }),
  });
}

/** A seminar's invitation quotas. */
export function useQuotas(id: string | null) {
  return useQuery({
    queryKey: seminarKeys.quotas(id),
    queryFn: () => api<SeminarQuotas>('GET', `/api/seminars/${id}/quotas`),
    enabled: id !== null,
  });
}

/** A seminar's invitations. */
export function useInvitations(id: string | null) {
  return useQuery({
    queryKey: seminarKeys.invitations(id),
    queryFn: () => api<Invitation[]>('GET', `/api/seminars/${id}/invitations`),
    enabled: id !== null,
  });
}

/** Sign rate per seminar vs meeting-only customers. */
export function useSeminarStats() {
  return useQuery({
    queryKey: seminarKeys.stats,
    queryFn: () => api<SeminarStats>('GET', '/api/stats/seminars'),
  });
}

/**
 * Every customer the caller may see, as id → name/class/city (pages of 200, at most 5000):
 * names for the invitation list and options for the picker.
 */
export function useCustomerDirectory() {
  return useQuery({
    queryKey: seminarKeys.customerDirectory,
    queryFn: async () => {
      const all: Customer[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 25; i++) {
        const page = await api<Page<Customer>>('GET', '/api/customers', {
          query: { limit: 200, sort: 'name', order: 'asc', cursor },
        });
        all.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return all;
    },
    staleTime: 60_000,
  });
}

/** Creates a seminar. */
export function createSeminar(body: unknown): Promise<Seminar> {
  return api('POST', '/api/seminars', { body });
}

/** Updates a seminar (with the version last read). */
export function updateSeminar(id: string, body: unknown): Promise<Seminar> {
  return api('PATCH', `/api/seminars/${id}`, { body });
}

/** Invites customers. */
export function inviteCustomers(id: string, customerIds: string[]): Promise<unknown> {
  return api('POST', `/api/seminars/${id}/invitations`, { body: { customerIds } });
}

/** Sets an invitation's RSVP or attendance. */
export function updateInvitation(
  id: string,
  body: { rsvp?: 'pending' | 'yes' | 'no'; attended?: boolean; version: number },
): Promise<Invitation> {
  return api('PATCH', `/api/seminar-invitations/${id}`, { body });
}
