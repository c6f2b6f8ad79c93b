/** Seminars (会销), their quotas, invitations and statistics over the API. */
import { useQuery } from '@tanstack/react-query';
import { type Customer, customerRoutes } from '../../../../contract/customers.js';
import type { RequestOf } from '../../../../contract/http.js';
import { type Invitation, type Seminar, seminarRoutes } from '../../../../contract/seminars.js';
import { statsRoutes } from '../../../../contract/stats.js';
import { call, useRouteQuery } from '../../../lib/api';
import { seminarKeys } from './seminar-keys';

export type { SeminarQuotas } from '../../../../contract/seminars.js';
export type { SeminarStats } from '../../../../contract/stats.js';
export type { Invitation, Seminar };

/** The seminars (first 200). */
export function useSeminars() {
  return useRouteQuery(seminarKeys.list, seminarRoutes.list, { query: { limit: 200 } });
}

/** A seminar's invitation quotas. */
export function useQuotas(id: string | null) {
  return useRouteQuery(
    seminarKeys.quotas(id),
    seminarRoutes.quotas,
    { params: { id: id ?? '' } },
    { enabled: id !== null },
  );
}

/** A seminar's invitations. */
export function useInvitations(id: string | null) {
  return useRouteQuery(
    seminarKeys.invitations(id),
    seminarRoutes.invitations,
    { params: { id: id ?? '' } },
    { enabled: id !== null },
  );
}

/** Sign rate per seminar vs meeting-only customers. */
export function useSeminarStats() {
  return useRouteQuery(seminarKeys.stats, statsRoutes.seminars);
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
        const page = await call(customerRoutes.list, {
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
export function createSeminar(body: RequestOf<typeof seminarRoutes.create>['body']): Promise<Seminar> {
  return call(seminarRoutes.create, { body });
}

/** Updates a seminar (with the version last read). */
export function updateSeminar(
  id: string,
  body: RequestOf<typeof seminarRoutes.update>['body'],
): Promise<Seminar> {
  return call(seminarRoutes.update, { params: { id }, body });
}

/** Invites customers. */
export function inviteCustomers(id: string, customerIds: string[]) {
  return call(seminarRoutes.invite, { params: { id }, body: { customerIds } });
}

/** Sets an invitation's RSVP or attendance. */
export function updateInvitation(
  id: string,
  body: RequestOf<typeof seminarRoutes.updateInvitation>['body'],
): Promise<Invitation> {
  return call(seminarRoutes.updateInvitation, { params: { id }, body });
}
