/** Use case: create a contact of a customer the caller can see (with its audit entry). */

import { type Contact, createContactInput } from '../../contract/contacts.js';
import type { Deps, Principal } from '../context.js';
import { checkVisibleCustomer } from '../customers/visible-customer.js';
import { parseInput } from '../validation.js';
import { contacts, newContactValues } from './contact-store.js';

/** Creates a contact; a customer the caller cannot see is VALIDATION.FAILED on `customerId`. */
export async function createContact(deps: Deps, principal: Principal, input: unknown): Promise<Contact> {
  const body = parseInput(createContactInput, input);
  return deps.db.transaction().execute(async (trx) => {
    await checkVisibleCustomer(trx, principal, body.customerId);
    const contact = contacts.toView(await contacts.insert(trx, deps, principal, newContactValues(body)));
    await contacts.audit(trx, deps, principal, 'create', contact.id, { after: contact });
    return contact;
  });
}
