/**
 * The contact as stored: row → view, input → columns with the create defaults
 * (`newContactValues`, shared by the create use case and the import), and the store (a
 * contact is visible exactly when its customer is). The view and the inputs:
 * src/contract/contacts.ts.
 */
import type { z } from 'zod';
import type { Contact, contactFields } from '../../contract/contacts.js';
import { defineRecordStore, plainView, type RecordRow, type RecordValues } from '../record-store.js';

/** A contacts row as Kysely returns it. */
export type ContactRow = RecordRow<'contacts'>;

/** How a contact's input fields are stored; `kpConfirmed` is stored as 0/1. */
const contactColumns = {
  customerId: 'customer_id',
  name: 'name',
  title: 'title',
  phone: 'phone',
  email: 'email',
  role: 'role',
  kpConfirmed: { column: 'kp_confirmed', write: (confirmed: boolean) => (confirmed ? 1 : 0) },
} as const;

/** Contacts: the people at a customer. */
export const contacts = defineRecordStore<'contacts', Contact, z.infer<typeof contactFields>>({
  table: 'contacts',
  entity: 'contact',
  scope: 'customer-child',
  toView: (row) => ({ ...plainView(row, contactColumns), kpConfirmed: row.kp_confirmed === 1 }),
  columns: contactColumns,
});

/** Every column of a new contact, each with its value. */
export type NewContactValues = {
  [K in keyof RecordValues<'contacts'>]-?: Exclude<RecordValues<'contacts'>[K], undefined>;
};

/**
 * The columns of a new contact: the input's, over the defaults (no title, phone, email or
 * role; not a confirmed key person). The create use case and the import both start here.
 */
export function newContactValues(input: z.infer<typeof contactFields>): NewContactValues {
  return {
    title: null,
    phone: null,
    email: null,
    role: null,
    kp_confirmed: 0,
    ...contacts.columnsOf(input),
    customer_id: input.customerId,
    name: input.name,
  };
}
