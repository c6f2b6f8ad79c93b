/** Use case: update a contact under optimistic concurrency, with its audit entry. */

import { type Contact, updateContactInput } from '../../contract/contacts.js';
import type { Deps, Principal } from '../context.js';
import { checkVisibleCustomer } from '../customers/visible-customer.js';
import { parseInput } from '../validation.js';
import { contacts } from './contact-store.js';

/** Applies the given fields if `version` is current, else CONFLICT.STALE; NOT_FOUND for a contact the caller cannot see. */
export async function updateContact(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<Contact> {
  const { version, ...fields } = parseInput(updateContactInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await contacts.find(trx, principal, id);
    if (fields.customerId !== undefined) {
      // A stale form hears CONFLICT.STALE before a field error: so the version is
      // checked first (the guarded UPDATE below checks it again).
      contacts.requireVersion(before, version);
      await checkVisibleCustomer(trx, principal, fields.customerId);
    }
    return contacts.updateAudited(trx, deps, principal, before, version, contacts.columnsOf(fields));
  });
}
