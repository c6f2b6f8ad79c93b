/**
 * Who the CLI acts as for imports and exports: the member with `--user` (email), or, when
 * none is named, the only manager of a single-workspace database (the usual one-person
 * SQLite install). The CLI runs on the server with direct database access, so naming a
 * member is enough — but the import then has exactly that member's rights.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Principal } from '../context.js';

/** The principal for `--user` (or the sole manager). Throws CLI.BAD_OPTION otherwise. */
export async function cliPrincipal(db: Kysely<Schema>, email: string | undefined): Promise<Principal> {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as userId',
      'memberships.workspace_id as workspaceId',
      'memberships.id as membershipId',
      'memberships.role',
      'memberships.works_for as worksFor',
    ]);
  query = email
    ? query.where('users.email', '=', email.trim().toLowerCase())
    : query.where('memberships.role', '=', 'manager');
  const rows = await query.limit(2).execute();
  const only = rows[0];
  if (!only || rows.length > 1) {
    throw new AppError('CLI.BAD_OPTION', {
      option: '--user',
      reason: email
        ? rows.length > 1
          ? `${email} belongs to several workspaces`
          : `no member with the email ${email}`
        : 'name the member to act as (their email)',
      reasonZh: email
        ? rows.length > 1
          ? `${email} 属于多个工作区`
          : `没有邮箱为 ${email} 的成员`
        : '请用邮箱指定以哪位成员的身份操作',
    });
  }
  return { ...only, via: 'token' };
}
