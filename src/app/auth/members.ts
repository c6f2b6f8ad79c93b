/** Adding members to a workspace (managers only). */
import type { z } from 'zod';
import { createMemberInput } from '../../contract/auth.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../domain/errors.js';
import { requireManager } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { fieldError, parseInput } from '../validation.js';
import { insertMember } from './internal.js';
import { hashPassword } from './passwords.js';

export { createMemberInput };

/** What createMember accepts. */
export type CreateMemberInput = z.input<typeof createMemberInput>;

/** What createMember created. */
export interface CreateMemberResult {
  readonly userId: string;
  readonly membershipId: string;
}

/**
 * Creates a user and their membership in the caller's workspace, in one transaction.
 * AUTH.FORBIDDEN unless the caller is a manager; VALIDATION.FAILED for bad input or a
 * `worksFor` that is not a lead of this workspace; USER.EMAIL_TAKEN when the email is used.
 */
export async function createMember(
  deps: Deps,
  principal: Principal,
  input: unknown,
): Promise<CreateMemberResult> {
  requireManager(principal);
  const member = parseInput(createMemberInput, input);
  const passwordHash = await hashPassword(member.password);
  const now = deps.clock().toISOString();
  const ids = { userId: deps.newId(), membershipId: deps.newId() };

  try {
    await deps.db.transaction().execute(async (trx) => {
      if (member.worksFor !== undefined) {
        const lead = await trx
          .selectFrom('memberships')
          .select('id')
          .where('id', '=', member.worksFor)
          .where('workspace_id', '=', principal.workspaceId)
          .where('role', '=', 'lead')
          .executeTakeFirst();
        if (!lead) throw fieldError('worksFor', 'not a lead of this workspace');
      }
      await insertMember(
        trx,
        {
          ...ids,
          workspaceId: principal.workspaceId,
          email: member.email,
          name: member.name,
          passwordHash,
          role: member.role,
          duty: member.duty ?? null,
          worksFor: member.worksFor ?? null,
        },
        now,
      );
    });
  } catch (error) {
    // The only unique key a new user and membership can hit is users.email.
    if (isUniqueViolation(error)) throw new AppError('USER.EMAIL_TAKEN', { email: member.email });
    throw error;
  }
  return ids;
}

/** A member of the workspace as listed to its members. */
export interface MemberListing {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly role: 'manager' | 'lead' | 'assistant';
  readonly duty: 'prospecting' | 'after_sales' | null;
  readonly worksFor: string | null;
}

/** The members of the caller's workspace, oldest first; every member may list them. */
export async function listMembers(deps: Deps, principal: Principal): Promise<MemberListing[]> {
  return deps.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.id as id',
      'memberships.user_id as userId',
      'users.name as name',
      'users.email as email',
      'memberships.role as role',
      'memberships.duty as duty',
      'memberships.works_for as worksFor',
    ])
    .where('memberships.workspace_id', '=', principal.workspaceId)
    .orderBy('memberships.created_at')
    .orderBy('memberships.id')
    .execute();
}
