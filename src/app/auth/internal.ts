/** Helpers shared by the identity and access use cases (not a public API). */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
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
