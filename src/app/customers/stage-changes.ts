/**
 * The customer's stage history and the qualification gate in front of "proposal": the
 * method says prepare fully before a meeting counts — know the key person, whether they
 * will sign and whether they can pay — so a customer moves to proposal only when
 * qualified, or with a written reason for the exception that the history keeps.
 */
import type { Kysely, Selectable } from 'kysely';
import type { StageChange } from '../../contract/customers.js';
import type { CustomerStageChangesTable, CustomerStatus, Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import {
  QUALIFICATION_GAP_LABELS,
  type QualificationFacts,
  qualificationGaps,
} from '../../domain/method/qualification.js';
import type { Deps, Principal } from '../context.js';
import { workspaceToday } from '../workspace/workspace-today.js';

/**
 * For a move to `proposal`: null when the customer is qualified, the override reason when
 * it is not but one was given; otherwise CUSTOMER.NOT_QUALIFIED listing the gaps.
 */
export function proposalOverride(
  facts: QualificationFacts,
  overrideReason: string | undefined,
): string | null {
  const gaps = qualificationGaps(facts);
  if (gaps.length === 0) return null;
  if (overrideReason?.trim()) return overrideReason.trim();
  throw new AppError('CUSTOMER.NOT_QUALIFIED', {
    missing: gaps,
    gaps: gaps.map((g) => QUALIFICATION_GAP_LABELS[g].en),
    gapsZh: gaps.map((g) => QUALIFICATION_GAP_LABELS[g].zh),
  });
}

/** Records one change of a customer's status in its stage history (see {@link recordStageChanges}). */
export async function recordStageChange(
  db: Kysely<Schema>,
  deps: Pick<Deps, 'clock' | 'newId'>,
  principal: Principal,
  change: StageChangeEntry,
): Promise<void> {
  await recordStageChanges(db, deps, principal, [change]);
}

/** One entry of the stage history, as a use case or the import records it. */
export interface StageChangeEntry {
  readonly customerId: string;
  readonly from: CustomerStatus | null;
  readonly to: CustomerStatus;
  readonly overrideReason: string | null;
}

/**
 * Records changes of customers' statuses, dated the workspace's today, in one statement: the
 * import writes a batch's changes at once instead of two queries per customer.
 */
export async function recordStageChanges(
  db: Kysely<Schema>,
  deps: Pick<Deps, 'clock' | 'newId'>,
  principal: Principal,
  changes: readonly StageChangeEntry[],
): Promise<void> {
  if (changes.length === 0) return;
  const { today } = await workspaceToday(db, deps, principal.workspaceId);
  const at = deps.clock().toISOString();
  await db
    .insertInto('customer_stage_changes')
    .values(
      changes.map((change) => ({
        id: deps.newId(),
        workspace_id: principal.workspaceId,
        customer_id: change.customerId,
        from_status: change.from,
        to_status: change.to,
        changed_on: today,
        changed_at: at,
        actor_id: principal.userId,
        override_reason: change.overrideReason,
      })),
    )
    .execute();
}

/** Row → API shape. */
export function toStageChange(row: Selectable<CustomerStageChangesTable>): StageChange {
  return {
    id: row.id,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    changedOn: row.changed_on,
    changedAt: row.changed_at,
    actorId: row.actor_id,
    overrideReason: row.override_reason,
  };
}
