/**
 * Reads a workspace's sales history for the forecast and its backtest: customers, stage
 * changes, deals and visits that took place, dated in the workspace's time zone. Ordered
 * by id (and stage changes by when they happened), so both databases give the same
 * history and the seeded simulation the same result.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { dateInTimeZone, type IsoDate } from '../../domain/dates.js';
import type { SalesHistory } from '../../domain/method/sales-history.js';

/** The whole history of a workspace. */
export async function loadSalesHistory(
  db: Kysely<Schema>,
  workspaceId: string,
  timeZone: string,
): Promise<SalesHistory> {
  const day = (instant: string) => dateInTimeZone(new Date(instant), timeZone);
  const customers = await db
    .selectFrom('customers')
    .select(['id', 'class', 'status', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  const changes = await db
    .selectFrom('customer_stage_changes')
    .select(['customer_id', 'to_status', 'changed_on'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('changed_on')
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
  const deals = await db
    .selectFrom('deals')
    .select(['customer_id', 'amount_minor', 'signed_on', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  const visits = await db
    .selectFrom('visits')
    .select(['customer_id', 'visit_on'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'done')
    .orderBy('id')
    .execute();
  return {
    customers: customers.map((c) => ({
      id: c.id,
      class: c.class,
      status: c.status,
      createdOn: day(c.created_at),
    })),
    stageChanges: changes.map((c) => ({
      customerId: c.customer_id,
      to: c.to_status,
      on: c.changed_on as IsoDate,
    })),
    deals: deals.map((d) => ({
      customerId: d.customer_id,
      amount: Number(d.amount_minor),
      signedOn: (d.signed_on ?? null) as IsoDate | null,
      createdOn: day(d.created_at),
    })),
    visits: visits.map((v) => ({ customerId: v.customer_id, on: v.visit_on as IsoDate })),
  };
}

/** The history restricted to some customers (a team's). */
export function restrictHistory(history: SalesHistory, customerIds: ReadonlySet<string>): SalesHistory {
  return {
    customers: history.customers.filter((c) => customerIds.has(c.id)),
    stageChanges: history.stageChanges.filter((c) => customerIds.has(c.customerId)),
    deals: history.deals.filter((d) => customerIds.has(d.customerId)),
    visits: history.visits.filter((v) => customerIds.has(v.customerId)),
  };
}
