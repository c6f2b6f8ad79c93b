/** Members and their sign-in attempts over the API. */
import { authRoutes, type CreateMemberInput } from '../../../../contract/auth.js';
import { call, useRouteQuery } from '../../../lib/api';
import { teamKeys } from './team-keys';

export { useMembers } from '../../customers/api/customers-api';

/** Adds a member (managers only). */
export function addMember(input: CreateMemberInput) {
  return call(authRoutes.createMember, { body: input });
}

/** The last 7 days' sign-in attempts on the workspace's accounts (managers only). */
export function useSignInAttempts() {
  return useRouteQuery(teamKeys.signInAttempts, authRoutes.signInAttempts);
}
