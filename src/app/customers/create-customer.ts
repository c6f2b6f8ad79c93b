/** Use case: create a customer (with its audit entry, in one transaction). */

import { type Customer, createCustomerInput } from '../../contract/customers.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { checkCustomerReferences, checkKpContact, customers, newCustomerValues } from './customer-store.js';
import { proposalOverride, recordStageChange } from './stage-changes.js';

/**
 * Creates a customer in the caller's workspace, with the defaults of `newCustomerValues`
 * (class "new", status "lead", the owner the caller or an assistant's lead).
 * The first status is the first row of the stage history; a new customer cannot start
 * at "proposal" without `statusOverrideReason` (it has no key person yet), and
 * `kpContactId` is always a field error here (a new customer has no contacts).
 */
export async function createCustomer(deps: Deps, principal: Principal, input: unknown): Promise<Customer> {
  const body = parseInput(createCustomerInput, input);
  const values = newCustomerValues(principal, body);
  return deps.db.transaction().execute(async (trx) => {
    await checkCustomerReferences(trx, principal, {
      marketId: values.market_id,
      ownerId: values.owner_id,
      assistantId: values.assistant_id,
    });
    await checkKpContact(trx, principal.workspaceId, null, body.kpContactId);
    const overrideReason =
      values.status === 'proposal'
        ? proposalOverride(
            {
              kpContactId: values.kp_contact_id,
              willingToSign: values.willing_to_sign,
              ableToPay: values.able_to_pay,
            },
            body.statusOverrideReason,
          )
        : null;
    const row = await customers.insert(trx, deps, principal, values);
    const customer = customers.toView(row);
    await recordStageChange(trx, deps, principal, {
      customerId: row.id,
      from: null,
      to: row.status,
      overrideReason,
    });
    await customers.audit(trx, deps, principal, 'create', customer.id, { after: customer });
    return customer;
  });
}
