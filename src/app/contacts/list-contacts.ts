/** Use case: list the contacts the caller may see, by name, with keyset pagination. */
import { type Contact, listContactsQuery } from '../../contract/contacts.js';
import type { Deps, Principal } from '../context.js';
import { keysetPage, type Page } from '../pagination.js';
import { visibleRows } from '../record-store.js';
import { parseInput } from '../validation.js';
import { contacts } from './contact-store.js';

/** Lists contacts of the customers visible to the caller, ordered by name then id. */
export async function listContacts(deps: Deps, principal: Principal, query: unknown): Promise<Page<Contact>> {
  const p = parseInput(listContactsQuery, query);
  return keysetPage(visibleRows(deps.db, principal, 'contacts', p.customerId), 'name', p, contacts.toView);
}
