/**
 * Use case: hand a customer over inside the team (method: the prospecting assistant finds
 * and qualifies, the lead meets and closes, the after-sales assistant looks after won
 * customers).
 * - `to_lead`: only a qualified customer (key person known, willing to sign, able to pay;
 *   else HANDOFF.NOT_QUALIFIED naming the gaps). The owner becomes the lead the customer's
 *   assistant works for; a customer still at lead/contacted moves to qualified, with its
 *   stage change recorded.
 * - `to_after_sales`: only a won customer (HANDOFF.NOT_WON); the assistant becomes the
 *   after-sales assistant of the owner's lead (HANDOFF.NO_AFTER_SALES when there is none).
 * Every hand-off writes a `handoffs` row and audit entries, in one transaction.
 */
import type { Transaction } from 'kysely';
import type { Customer } from '../../contract/customers.js';
import { type Handoff, handoffInput } from '../../contract/team.js';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { qualificationGaps } from '../../domain/method/qualification.js';
import { atOneInstant, type Deps, type Principal } from '../context.js';
import { customers } from '../customers/customer-store.js';
import { recordStageChange } from '../customers/stage-changes.js';
import { requireVisibleCustomer } from '../customers/visible-customer.js';
import { parseInput } from '../validation.js';
import { insertHandoff } from './handoff-store.js';

/** What is still to be confirmed, in words a salesperson reads in the error message. */
const GAP_TEXT = {
  key_person: { en: 'who the key person (KP) is', zh: '确认关键人（KP）' },
  willing_to_sign: { en: 'that they are willing to sign', zh: '确认对方愿意签约' },
  able_to_pay: { en: 'that they are able to pay', zh: '确认对方付得起钱' },
} as const;

/** The hand-off and the customer after it. */
export interface HandoffResult {
  readonly handoff: Handoff;
  readonly customer: Customer;
}

async function membership(trx: Transaction<Schema>, principal: Principal, id: string | null) {
  if (id === null) return undefined;
  return trx
    .selectFrom('memberships')
    .select(['id', 'role', 'duty', 'works_for'])
    .where('workspace_id', '=', principal.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Hands the customer `customerId` (NOT_FOUND unless visible) to the lead or to after-sales. */
export async function handoffCustomer(
  liveDeps: Deps,
  principal: Principal,
  customerId: string,
  input: unknown,
): Promise<HandoffResult> {
  const deps = atOneInstant(liveDeps);
  return deps.db.transaction().execute(async (trx) => {
    const before = await requireVisibleCustomer(trx, principal, customerId);
    const body = parseInput(handoffInput, input);
    let fromId: string | null;
    let toId: string;
    let changes: { owner_id?: string; assistant_id?: string; status?: 'qualified' } = {};

    if (body.kind === 'to_lead') {
      const gaps = qualificationGaps({
        kpContactId: before.kp_contact_id,
        willingToSign: before.willing_to_sign,
        ableToPay: before.able_to_pay,
      });
      if (gaps.length > 0)
        throw new AppError('HANDOFF.NOT_QUALIFIED', {
          gaps,
          missing: gaps.map((g) => GAP_TEXT[g].en),
          missingZh: gaps.map((g) => GAP_TEXT[g].zh),
        });
      // The assistant who worked the customer: its assistant, else an assistant owner, else the caller.
      const owner = await membership(trx, principal, before.owner_id);
      const assistantId =
        before.assistant_id ??
        (owner?.role === 'assistant'
          ? owner.id
          : principal.role === 'assistant'
            ? principal.membershipId
            : null);
      const assistant = await membership(trx, principal, assistantId);
      if (!assistant?.works_for) throw new AppError('HANDOFF.NO_LEAD', {});
      fromId = assistant.id;
      toId = assistant.works_for;
      changes = {
        owner_id: toId,
        ...(before.status === 'lead' || before.status === 'contacted'
          ? { status: 'qualified' as const }
          : {}),
      };
    } else {
      if (before.status !== 'won') throw new AppError('HANDOFF.NOT_WON', { status: before.status });
      const owner = await membership(trx, principal, before.owner_id);
      const leadId = owner?.role === 'lead' ? owner.id : owner?.role === 'assistant' ? owner.works_for : null;
      if (!leadId) throw new AppError('HANDOFF.NO_LEAD', {});
      const afterSales = await trx
        .selectFrom('memberships')
        .select('id')
        .where('workspace_id', '=', principal.workspaceId)
        .where('works_for', '=', leadId)
        .where('role', '=', 'assistant')
        .where('duty', '=', 'after_sales')
        .orderBy('id')
        .executeTakeFirst();
      if (!afterSales) throw new AppError('HANDOFF.NO_AFTER_SALES', {});
      fromId = before.assistant_id;
      toId = afterSales.id;
      changes = { assistant_id: toId };
    }

    const updated = await customers.updateVersioned(
      trx,
      deps,
      principal,
      customerId,
      before.version,
      changes,
      before,
    );
    if (changes.status) {
      await recordStageChange(trx, deps, principal, {
        customerId,
        from: before.status,
        to: changes.status,
        overrideReason: null,
      });
    }
    const customer = customers.toView(updated);
    await customers.audit(trx, deps, principal, 'update', customerId, {
      before: customers.toView(before),
      after: customer,
    });
    const handoff = await insertHandoff(trx, deps, principal, {
      customerId,
      kind: body.kind,
      fromId,
      toId,
      note: body.note ?? null,
    });
    return { handoff, customer };
  });
}
