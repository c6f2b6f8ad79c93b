/**
 * Who the CLI acts as: the member with `--user` (email), or, when none is named, the only
 * manager of a single-workspace database (the usual one-person SQLite install). The CLI
 * runs on the server with direct database access, so naming a member is enough — but the
 * command then has exactly that member's rights. Each command words its own answer when
 * no one fits (`CallerProblems`); the imports' and exports' words are the default.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Principal } from '../context.js';

/** Why `--user` names no one to act as, in both languages (CLI.BAD_OPTION's reason). */
export interface OptionReason {
  readonly reason: string;
  readonly reasonZh: string;
}

/** What a command says for each way `--user` can fail to name one member. */
export interface CallerProblems {
  /** No member has the email. */
  readonly noMember: (email: string) => OptionReason;
  /** The email is a member of more than one workspace. */
  readonly severalWorkspaces: (email: string) => OptionReason;
  /** No `--user`, and the database has no workspace yet. */
  readonly noWorkspace: OptionReason;
  /** No `--user`, and no single manager of a single workspace to default to. */
  readonly nameMember: OptionReason;
}

const nameMember = {
  reason: 'name the member to act as (their email)',
  reasonZh: '请用邮箱指定以哪位成员的身份操作',
};

/** The imports' and exports' words. */
export const IMPORT_CALLER_PROBLEMS: CallerProblems = {
  noMember: (email) => ({
    reason: `no member with the email ${email}`,
    reasonZh: `没有邮箱为 ${email} 的成员`,
  }),
  severalWorkspaces: (email) => ({
    reason: `${email} belongs to several workspaces`,
    reasonZh: `${email} 属于多个工作区`,
  }),
  noWorkspace: nameMember,
  nameMember,
};

/** The principal for `--user` (or the sole manager). Throws CLI.BAD_OPTION, worded by `problems`, otherwise. */
export async function cliPrincipal(
  db: Kysely<Schema>,
  email: string | undefined,
  problems: CallerProblems = IMPORT_CALLER_PROBLEMS,
): Promise<Principal> {
  const fail = (why: OptionReason) => new AppError('CLI.BAD_OPTION', { option: '--user', ...why });
  const query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as userId',
      'memberships.workspace_id as workspaceId',
      'memberships.id as membershipId',
      'memberships.role',
      'memberships.works_for as worksFor',
    ]);
  if (email !== undefined) {
    const rows = await query.where('users.email', '=', email.trim().toLowerCase()).limit(2).execute();
    const only = rows[0];
    if (!only) throw fail(problems.noMember(email));
    if (rows.length > 1) throw fail(problems.severalWorkspaces(email));
    return { ...only, via: 'token' };
  }
  // One manager in the whole database: the one-workspace install (every workspace has a manager).
  const managers = await query.where('memberships.role', '=', 'manager').limit(2).execute();
  const only = managers[0];
  if (only && managers.length === 1) return { ...only, via: 'token' };
  const workspaces = await db.selectFrom('workspaces').select('id').limit(1).execute();
  throw fail(workspaces.length === 0 ? problems.noWorkspace : problems.nameMember);
}
