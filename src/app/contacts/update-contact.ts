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
      // A stale form hears CONFLICT.STALE before a field error: at a version not the stored
      // one, updateVersioned throws it (with the current version) and writes nothing.
      if (before.version !== version)
        await contacts.updateVersioned(trx, deps, principal, id, version, {}, before);
      await checkVisibleCustomer(trx, principal, fields.customerId);
    }
    const row = await contacts.updateVersioned(
      trx,
      deps,
      principal,
      id,
      version,
      contacts.columnsOf(fields),
      before,
    );
    const after = contacts.toView(row);
    await contacts.audit(trx, deps, principal, 'update', id, { before: contacts.toView(before), after });
    return after;
  });
}
