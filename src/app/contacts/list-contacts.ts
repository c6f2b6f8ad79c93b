/** Use case: list the contacts the caller may see, by name, with keyset pagination. */
import { type Contact, listContactsQuery } from '../../contract/contacts.js';
import type { Deps, Principal } from '../context.js';
import { visibleCustomerIds } from '../customers/visible-customer.js';
import { decodeCursor, type Page, toPage } from '../pagination.js';
import { parseInput } from '../validation.js';
import { contacts } from './contact-store.js';

/** Lists contacts of the customers visible to the caller, ordered by name then id. */
export async function listContacts(deps: Deps, principal: Principal, query: unknown): Promise<Page<Contact>> {
  const p = parseInput(listContactsQuery, query);
  let q = deps.db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', 'in', visibleCustomerIds(deps.db, principal));
  if (p.customerId) q = q.where('customer_id', '=', p.customerId);
  if (p.cursor) {
    const cursor = decodeCursor(p.cursor);
    q = q.where(({ eb, or, and }) =>
      or([eb('name', '>', cursor.v), and([eb('name', '=', cursor.v), eb('id', '>', cursor.id)])]),
    );
  }
  const rows = await q
    .orderBy('name', 'asc')
    .orderBy('id', 'asc')
    .limit(p.limit + 1)
    .execute();
  return toPage(rows, p.limit, (r) => r.name, contacts.toView);
}
