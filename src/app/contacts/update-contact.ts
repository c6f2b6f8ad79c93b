/** Use case: update a contact under optimistic concurrency, with its audit entry. */

import { updateContactInput } from '../../contract/contacts.js';
import { checkVisibleCustomer } from '../customers/visible-customer.js';
import { defineUpdate } from '../record-update.js';
import { contacts } from './contact-store.js';

/** Applies the given fields if `version` is current, else CONFLICT.STALE; NOT_FOUND for a contact the caller cannot see. */
export const updateContact = defineUpdate(contacts, updateContactInput, async (update) => {
  if (update.fields.customerId !== undefined) {
    // A stale form hears CONFLICT.STALE before a field error.
    update.requireVersion();
    await checkVisibleCustomer(update.trx, update.principal, update.fields.customerId);
  }
  return update.save();
});
