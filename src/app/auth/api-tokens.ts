/**
 * Personal API tokens for scripts and integrations: `clo_` + 32 random bytes (base64url),
 * shown once at creation; the database keeps only their SHA-256.
 */
import { createApiTokenInput } from '../../contract/auth.js';
import { AppError } from '../../domain/errors.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { loadPrincipal, randomToken, sha256Hex } from './internal.js';

/** Every API token starts with this, so leaked tokens are easy to recognise and scan for. */
export const API_TOKEN_PREFIX = 'clo_';

/** A new token: `token` is shown to the user once and never again. */
export interface CreatedApiToken {
  readonly id: string;
  readonly token: string;
}

/** Creates an API token for the caller in the caller's workspace. */
export async function createApiToken(
  deps: Deps,
  principal: Principal,
  input: unknown,
): Promise<CreatedApiToken> {
  const { name } = parseInput(createApiTokenInput, input);
  const id = deps.newId();
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  await deps.db
    .insertInto('api_tokens')
    .values({
      id,
      workspace_id: principal.workspaceId,
      user_id: principal.userId,
      name,
      token_hash: sha256Hex(token),
      created_at: deps.clock().toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, token };
}

/**
 * The principal of an API token (via 'token'), or null when it is unknown, revoked or its
 * owner is no longer a member. Records the use in last_used_at.
 */
export async function authenticateApiToken(deps: Deps, token: string): Promise<Principal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 256) return null;
  const row = await deps.db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'workspace_id'])
    .where('token_hash', '=', sha256Hex(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const principal = await loadPrincipal(deps.db, row.user_id, row.workspace_id, 'token');
  if (!principal) return null;
  await deps.db
    .updateTable('api_tokens')
    .set({ last_used_at: deps.clock().toISOString() })
    .where('id', '=', row.id)
    .execute();
  return principal;
}

/**
 * Revokes token `id`. Its owner or a manager of its workspace may. Anyone else — another
 * member, another workspace — gets NOT_FOUND, like an unknown id: another person's record
 * is never revealed. Revoking a revoked token changes nothing.
 */
export async function revokeApiToken(deps: Deps, principal: Principal, id: string): Promise<void> {
  const row = await deps.db
    .selectFrom('api_tokens')
    .select(['user_id', 'revoked_at'])
    .where('id', '=', id)
    .where('workspace_id', '=', principal.workspaceId)
    .executeTakeFirst();
  if (!row || (row.user_id !== principal.userId && principal.role !== 'manager')) {
    throw new AppError('NOT_FOUND', { entity: 'api_token', id });
  }
  if (row.revoked_at !== null) return;
  await deps.db
    .updateTable('api_tokens')
    .set({ revoked_at: deps.clock().toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
