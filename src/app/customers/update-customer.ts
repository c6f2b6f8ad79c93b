/** Use case: update a customer under optimistic concurrency, with its audit entry. */

import { type Customer, updateCustomerInput } from '../../contract/customers.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { checkCustomerReferences, checkKpContact, customers } from './customer-store.js';
import { proposalOverride, recordStageChange } from './stage-changes.js';

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
  const { version, statusOverrideReason, ...fields } = parseInput(updateCustomerInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await customers.find(trx, principal, id);
    // A stale form hears CONFLICT.STALE before any field error: so the version is
    // checked first (the guarded UPDATE below checks it again).
    customers.requireVersion(before, version);
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
            statusOverrideReason,
          )
        : null;
    const row = await customers.updateVersioned(
      trx,
      deps,
      principal,
      id,
      version,
      customers.columnsOf(fields),
      before,
    );
    const after = customers.toView(row);
    if (statusChanged) {
      await recordStageChange(trx, deps, principal, {
        customerId: id,
        from: before.status,
        to: row.status,
        overrideReason,
      });
    }
    await customers.audit(trx, deps, principal, 'update', id, { before: customers.toView(before), after });
    return after;
  });
}
