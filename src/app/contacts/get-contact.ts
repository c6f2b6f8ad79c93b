/** Use case: read one contact the caller may see. */
import type { Kysely } from 'kysely';
import type { Contact } from '../../contract/contacts.js';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Deps, Principal } from '../context.js';
import { visibleCustomerIds } from '../customers/visible-customer.js';
import { type ContactRow, toContact } from './contact-schema.js';

/** The row of a contact whose customer the caller may see, or NOT_FOUND. */
export async function findVisibleContact(
  db: Kysely<Schema>,
  principal: Principal,
  id: string,
): Promise<ContactRow> {
  const row = await db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('id', '=', id)
    .where('customer_id', 'in', visibleCustomerIds(db, principal))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'contact', id });
  return row;
}

/** The contact, or NOT_FOUND when it does not exist, is another workspace's, or its customer is outside the caller's rights. */
export async function getContact(deps: Deps, principal: Principal, id: string): Promise<Contact> {
  return toContact(await findVisibleContact(deps.db, principal, id));
}
