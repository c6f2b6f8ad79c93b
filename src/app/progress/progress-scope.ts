/**
 * What the progress, forecast and Today use cases share: the latest saved plan of a year,
 * and the caller's scope — a manager sees the workspace, a lead their team (themself and
 * their assistants), an assistant their lead's team (aggregates only; the records stay
 * behind `visibleCustomers`). Their today is `workspaceToday` (workspace/workspace-today.ts).
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import type { IsoDate } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import type { PlanResult } from '../../domain/plan/plan.js';
import { visibleCustomers } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { chinaHolidayData } from '../holiday-data.js';
import { computePlan } from '../plans/compute-plan.js';

/** The latest saved plan of `year`, computed with `date` as its today when it lies in the year. */
export async function latestPlan(
  deps: Deps,
  principal: Principal,
  year: number,
  date?: IsoDate,
): Promise<{ revision: number; result: PlanResult } | undefined> {
  const row = await deps.db
    .selectFrom('plans')
    .select(['revision', 'input'])
    .where('workspace_id', '=', principal.workspaceId)
    .where('year', '=', year)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const inYear = date?.startsWith(`${year}-`);
  const result = computePlan(JSON.parse(row.input) as unknown, {
    holidays: chinaHolidayData(),
    now: deps.clock(),
    ...(inYear ? { date } : {}),
  });
  return { revision: row.revision, result };
}

/** {@link latestPlan} or PROGRESS.NO_PLAN. */
export async function requirePlan(
  deps: Deps,
  principal: Principal,
  year: number,
  date?: IsoDate,
): Promise<{ revision: number; result: PlanResult }> {
  const plan = await latestPlan(deps, principal, year, date);
  if (!plan) throw new AppError('PROGRESS.NO_PLAN', { year });
  return plan;
}

/** Whose numbers the caller sees. */
export interface Scope {
  readonly kind: 'workspace' | 'team';
  /** The team's membership ids (undefined for the workspace). */
  readonly membershipIds?: readonly string[];
  /** The team's user names, matched against the plan's member names. */
  readonly memberNames?: readonly string[];
  /** The principal whose visible customers are the team's (the lead). */
  readonly viewer: Principal;
}

/** The caller's scope: the workspace for a manager, else the (lead's) team. */
export async function callerScope(db: Kysely<Schema>, principal: Principal): Promise<Scope> {
  if (principal.role === 'manager') return { kind: 'workspace', viewer: principal };
  const leadId =
    principal.role === 'lead' ? principal.membershipId : (principal.worksFor ?? principal.membershipId);
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.id', 'users.name'])
    .where('memberships.workspace_id', '=', principal.workspaceId)
    .where((eb) => eb.or([eb('memberships.id', '=', leadId), eb('memberships.works_for', '=', leadId)]))
    .execute();
  const viewer: Principal =
    leadId === principal.membershipId
      ? principal
      : { ...principal, membershipId: leadId, role: 'lead', worksFor: null };
  return {
    kind: 'team',
    membershipIds: rows.map((r) => r.id),
    memberNames: rows.map((r) => r.name),
    viewer,
  };
}

/** Ids of the customers whose deals count for `scope` (a subquery). */
export function scopedCustomerIds(db: Kysely<Schema>, scope: Scope) {
  return visibleCustomers(db, scope.viewer).select('customers.id');
}

/** A deal signed in a range with the names it maps to a plan segment by. */
export interface SignedDeal {
  readonly id: string;
  readonly customerId: string;
  readonly signedOn: IsoDate;
  readonly amount: number;
  readonly marketName: string | null;
  readonly class: 'A' | 'B' | 'C' | 'new';
  readonly ownerId: string | null;
  readonly ownerName: string | null;
}

/** Deals of the scope signed within [from, to]. */
export async function signedDeals(
  db: Kysely<Schema>,
  principal: Principal,
  scope: Scope,
  from: IsoDate,
  to: IsoDate,
): Promise<SignedDeal[]> {
  let query = db
    .selectFrom('deals')
    .innerJoin('customers', 'customers.id', 'deals.customer_id')
    .leftJoin('markets', 'markets.id', 'customers.market_id')
    .leftJoin('memberships', 'memberships.id', 'deals.owner_id')
    .leftJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'deals.id',
      'deals.customer_id',
      'deals.signed_on',
      'deals.amount_minor',
      'markets.name as market_name',
      'customers.class',
      'deals.owner_id',
      'users.name as owner_name',
    ])
    .where('deals.workspace_id', '=', principal.workspaceId)
    .where('deals.signed_on', '>=', from)
    .where('deals.signed_on', '<=', to);
  if (scope.kind === 'team') query = query.where('deals.customer_id', 'in', scopedCustomerIds(db, scope));
  const rows = await query.orderBy('deals.signed_on').orderBy('deals.id').execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    signedOn: r.signed_on as IsoDate,
    amount: Number(r.amount_minor),
    marketName: r.market_name,
    class: r.class,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
  }));
}
