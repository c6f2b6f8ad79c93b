/** Use case: create a customer (with its audit entry, in one transaction). */

import { type Customer, createCustomerInput } from '../../contract/customers.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { checkCustomerReferences } from './customer-references.js';
import { toCustomer } from './customer-schema.js';
import { checkKpContact, proposalOverride, recordStageChange } from './stage-changes.js';

/**
 * Creates a customer in the caller's workspace. Defaults: class "new", status "lead";
 * the owner is the caller (a lead or manager) or, for an assistant, their lead, with the
 * assistant assigned — so a prospect an assistant finds lands in their lead's book.
 * The first status is the first row of the stage history; a new customer cannot start
 * at "proposal" without `statusOverrideReason` (it has no key person yet), and
 * `kpContactId` is always a field error here (a new customer has no contacts).
 */
export async function createCustomer(deps: Deps, principal: Principal, input: unknown): Promise<Customer> {
  const body = parseInput(createCustomerInput, input);
  const isAssistant = principal.role === 'assistant';
  const ownerId =
    body.ownerId !== undefined ? body.ownerId : isAssistant ? principal.worksFor : principal.membershipId;
  const assistantId =
    body.assistantId !== undefined ? body.assistantId : isAssistant ? principal.membershipId : null;
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await checkCustomerReferences(trx, principal, { marketId: body.marketId, ownerId, assistantId });
    await checkKpContact(trx, principal.workspaceId, null, body.kpContactId);
    const status = body.status ?? 'lead';
    const overrideReason =
      status === 'proposal'
        ? proposalOverride(
            {
              kpContactId: body.kpContactId ?? null,
              willingToSign: body.willingToSign ?? 'unknown',
              ableToPay: body.ableToPay ?? 'unknown',
            },
            body.statusOverrideReason,
          )
        : null;
    const row = await trx
      .insertInto('customers')
      .values({
        id: deps.newId(),
        workspace_id: principal.workspaceId,
        name: body.name,
        company: body.company ?? null,
        market_id: body.marketId ?? null,
        city: body.city ?? null,
        class: body.class ?? 'new',
        status,
        owner_id: ownerId ?? null,
        assistant_id: assistantId ?? null,
        source: body.source ?? null,
        tags: JSON.stringify(body.tags ?? []),
        notes: body.notes ?? null,
        kp_contact_id: body.kpContactId ?? null,
        willing_to_sign: body.willingToSign ?? 'unknown',
        willing_evidence: body.willingEvidence ?? null,
        able_to_pay: body.ableToPay ?? 'unknown',
        able_evidence: body.ableEvidence ?? null,
        expected_funds_on: body.expectedFundsOn ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const customer = toCustomer(row);
    await recordStageChange(trx, deps, principal, {
      customerId: row.id,
      from: null,
      to: status,
      overrideReason,
    });
    await recordAudit(trx, deps, principal, {
      entity: 'customer',
      entityId: customer.id,
      action: 'create',
      after: customer,
    });
    return customer;
  });
}
