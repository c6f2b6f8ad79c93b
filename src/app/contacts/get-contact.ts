/** Use case: read one contact the caller may see. */
import type { Contact } from '../../contract/contacts.js';
import type { Deps, Principal } from '../context.js';
import { contacts } from './contact-store.js';

/** The contact, or NOT_FOUND when it does not exist, is another workspace's, or its customer is outside the caller's rights. */
export async function getContact(deps: Deps, principal: Principal, id: string): Promise<Contact> {
  return contacts.toView(await contacts.find(deps.db, principal, id));
}
