/**
 * First run: creates the workspace, its manager and the manager's membership. Refused once
 * any user exists, so an installed server cannot be taken over by a second set-up.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { z } from 'zod';
import { initWorkspaceInput } from '../../contract/auth.js';
import { AppError } from '../../domain/errors.js';
import type { Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { insertMember } from './internal.js';
import { hashPassword } from './passwords.js';

export { initWorkspaceInput };

/** What initWorkspace accepts (before defaults). */
export type InitWorkspaceInput = z.input<typeof initWorkspaceInput>;

/** What initWorkspace created. */
export interface InitWorkspaceResult {
  readonly workspaceId: string;
  readonly userId: string;
  readonly membershipId: string;
}

/** Any fixed number: the key of the advisory lock that serialises set-ups on PostgreSQL. */
const SETUP_LOCK_KEY = 7_204_113;

/**
 * Creates the workspace, the manager user and the manager membership in one transaction.
 * Throws VALIDATION.FAILED for bad input and SETUP.ALREADY_DONE once any user exists.
 */
export async function initWorkspace(deps: Deps, input: unknown): Promise<InitWorkspaceResult> {
  const { workspace, manager } = parseInput(initWorkspaceInput, input);
  const passwordHash = await hashPassword(manager.password);
  const now = deps.clock().toISOString();
  const ids = { workspaceId: deps.newId(), userId: deps.newId(), membershipId: deps.newId() };

  await deps.db.transaction().execute(async (trx) => {
    // SQLite transactions begin immediate (one writer); PostgreSQL needs a lock so two
    // concurrent set-ups cannot both see "no user yet".
    if (trx.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`.execute(trx);
    }
    const anyUser = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (anyUser) throw new AppError('SETUP.ALREADY_DONE');

    await trx
      .insertInto('workspaces')
      .values({
        id: ids.workspaceId,
        name: workspace.name,
        currency: workspace.currency,
        time_zone: workspace.timeZone,
        locale: workspace.locale,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await insertMember(
      trx,
      {
        ...ids,
        email: manager.email,
        name: manager.name,
        passwordHash,
        role: 'manager',
        duty: null,
        worksFor: null,
      },
      now,
    );
  });
  return ids;
}
