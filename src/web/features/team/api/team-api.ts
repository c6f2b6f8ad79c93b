/** Members over the API. */
import { authRoutes, type CreateMemberInput } from '../../../../contract/auth.js';
import { call } from '../../../lib/api';

export { useMembers } from '../../customers/api/customers-api';

/** Adds a member (managers only). */
export function addMember(input: CreateMemberInput) {
  return call(authRoutes.createMember, { body: input });
}
