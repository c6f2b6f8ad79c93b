/** Helpers shared by the identity and access use cases (not a public API). */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Duty, Role, Schema } from '../../db/schema.js';
import type { Principal } from '../context.js';

/** 32 random bytes, base64url: the secret part of session, CSRF and API tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of `value` as lower-case hex: what the database stores instead of a token. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Emails are compared trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The principal of `userId` in `workspaceId`, or null when the user is no longer a member.
 */
export async function loadPrincipal(
  db: Kysely<Schema>,
  userId: string,
  workspaceId: string,
  via: Principal['via'],
): Promise<Principal | null> {
  const membership = await db
    .selectFrom('memberships')
    .select(['id', 'role', 'works_for'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!membership) return null;
  return {
    userId,
    workspaceId,
    membershipId: membership.id,
    role: membership.role,
    worksFor: membership.works_for,
    via,
  };
}

/** A new user with their membership of one workspace: what the set-up and createMember write. */
export interface NewMember {
  readonly userId: string;
  readonly membershipId: string;
  readonly workspaceId: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly duty: Duty | null;
  readonly worksFor: string | null;
}

/** Inserts the user (no locale chosen yet) and the membership, both created at `now`. */
export async function insertMember(db: Kysely<Schema>, member: NewMember, now: string): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: member.userId,
      email: member.email,
      name: member.name,
      password_hash: member.passwordHash,
      locale: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('memberships')
    .values({
      id: member.membershipId,
      workspace_id: member.workspaceId,
      user_id: member.userId,
      role: member.role,
      duty: member.duty,
      works_for: member.worksFor,
      created_at: now,
      updated_at: now,
    })
    .execute();
}
