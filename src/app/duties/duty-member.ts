/** Whose queue the caller may open: their own (assistant), their assistants' (lead), anyone's (manager). */
import type { Kysely } from 'kysely';
import type { Duty, Schema } from '../../db/schema.js';
import type { Principal } from '../context.js';
import { fieldError } from '../validation.js';

/**
 * The assistant whose queue is asked for: `memberId`, or the caller when omitted. A member
 * outside the caller's rights, or not an assistant with that duty, is VALIDATION.FAILED
 * on `memberId` (like any foreign id in a request).
 */
export async function dutyMember(
  db: Kysely<Schema>,
  principal: Principal,
  memberId: string | undefined,
  duty: Duty,
): Promise<{ id: string; worksFor: string | null }> {
  const id = memberId ?? principal.membershipId;
  const row = await db
    .selectFrom('memberships')
    .select(['id', 'role', 'duty', 'works_for'])
    .where('workspace_id', '=', principal.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  const allowed =
    row !== undefined &&
    (principal.role === 'manager' ||
      (principal.role === 'lead' && row.works_for === principal.membershipId) ||
      (principal.role === 'assistant' && row.id === principal.membershipId));
  if (!row || !allowed) throw fieldError('memberId', 'unknown member', '没有这个成员');
  if (row.role !== 'assistant' || row.duty !== duty) {
    throw duty === 'prospecting'
      ? fieldError('memberId', 'not a prospecting assistant', '不是负责开发新客户的助理')
      : fieldError('memberId', 'not an after-sales assistant', '不是负责售后的助理');
  }
  return { id: row.id, worksFor: row.works_for };
}
