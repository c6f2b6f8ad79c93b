/** Use case: update a customer under optimistic concurrency, with its audit entry. */

import { type Customer, updateCustomerInput } from '../../contract/customers.js';
import { AppError } from '../../domain/errors.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { checkCustomerReferences } from './customer-references.js';
import { toCustomer } from './customer-schema.js';
import { checkKpContact, proposalOverride, recordStageChange } from './stage-changes.js';
import { requireVisibleCustomer } from './visible-customer.js';

/**
 * Applies the given fields if `version` is still the stored one; otherwise CONFLICT.STALE
 * (409) with the current version, and nothing is written. NOT_FOUND for a customer the
 * caller cannot see. A move to "proposal" needs the customer qualified after this
 * request's changes, or `statusOverrideReason` (else CUSTOMER.NOT_QUALIFIED); every
 * status change is appended to the stage history in the same transaction.
 */
export async function updateCustomer(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<Customer> {
  const { version, ...fields } = parseInput(updateCustomerInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await requireVisibleCustomer(trx, principal, id);
    if (before.version !== version) {
      throw new AppError('CONFLICT.STALE', {
        entity: 'customer',
        id,
        version,
        currentVersion: before.version,
      });
    }
    await checkCustomerReferences(trx, principal, fields);
    await checkKpContact(trx, principal.workspaceId, id, fields.kpContactId);
    const statusChanged = fields.status !== undefined && fields.status !== before.status;
    const overrideReason =
      statusChanged && fields.status === 'proposal'
        ? proposalOverride(
            {
              kpContactId: fields.kpContactId !== undefined ? fields.kpContactId : before.kp_contact_id,
              willingToSign: fields.willingToSign ?? before.willing_to_sign,
              ableToPay: fields.ableToPay ?? before.able_to_pay,
            },
            fields.statusOverrideReason,
          )
        : null;
    const result = await trx
      .updateTable('customers')
      .set({
        ...(fields.name !== undefined ? { name: fields.name } : {}),
        ...(fields.company !== undefined ? { company: fields.company } : {}),
        ...(fields.marketId !== undefined ? { market_id: fields.marketId } : {}),
        ...(fields.city !== undefined ? { city: fields.city } : {}),
        ...(fields.class !== undefined ? { class: fields.class } : {}),
        ...(fields.status !== undefined ? { status: fields.status } : {}),
        ...(fields.ownerId !== undefined ? { owner_id: fields.ownerId } : {}),
        ...(fields.assistantId !== undefined ? { assistant_id: fields.assistantId } : {}),
        ...(fields.source !== undefined ? { source: fields.source } : {}),
        ...(fields.tags !== undefined ? { tags: JSON.stringify(fields.tags) } : {}),
        ...(fields.notes !== undefined ? { notes: fields.notes } : {}),
        ...(fields.kpContactId !== undefined ? { kp_contact_id: fields.kpContactId } : {}),
        ...(fields.willingToSign !== undefined ? { willing_to_sign: fields.willingToSign } : {}),
        ...(fields.willingEvidence !== undefined ? { willing_evidence: fields.willingEvidence } : {}),
        ...(fields.ableToPay !== undefined ? { able_to_pay: fields.ableToPay } : {}),
        ...(fields.ableEvidence !== undefined ? { able_evidence: fields.ableEvidence } : {}),
        ...(fields.expectedFundsOn !== undefined ? { expected_funds_on: fields.expectedFundsOn } : {}),
        updated_at: deps.clock().toISOString(),
        version: version + 1,
      })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      // The version guard makes a concurrent writer that read the same version lose here.
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!result) throw new AppError('CONFLICT.STALE', { entity: 'customer', id, version });
    const after = toCustomer(result);
    if (statusChanged) {
      await recordStageChange(trx, deps, principal, {
        customerId: id,
        from: before.status,
        to: result.status,
        overrideReason,
      });
    }
    await recordAudit(trx, deps, principal, {
      entity: 'customer',
      entityId: id,
      action: 'update',
      before: toCustomer(before),
      after,
    });
    return after;
  });
}
