/** A contact row as read from the database and its mapping to the API view (the view and the inputs: src/contract/contacts.ts). */
import type { Contact } from '../../contract/contacts.js';
import type { ContactsTable } from '../../db/schema.js';

/** A contacts row as Kysely returns it. */
export type ContactRow = Omit<ContactsTable, 'kp_confirmed' | 'version'> & {
  kp_confirmed: number;
  version: number;
};

/** Row → API shape. */
export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    customerId: row.customer_id,
    name: row.name,
    title: row.title,
    phone: row.phone,
    email: row.email,
    role: row.role,
    kpConfirmed: row.kp_confirmed === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
