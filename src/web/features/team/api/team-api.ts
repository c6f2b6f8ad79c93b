/** Members over the API. */
import type { CreateMemberInput } from '../../../../contract/auth.js';
import { api } from '../../../lib/api';

export { useMembers } from '../../customers/api/customers-api';

/** Adds a member (managers only). */
export function addMember(input: CreateMemberInput): Promise<{ userId: string; membershipId: string }> {
  return api('POST', '/api/members', { body: input });
}
