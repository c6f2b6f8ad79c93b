/** Importing contacts: a row is a person at a customer, found again by customer, name and phone. */
import { createContactInput } from '../../../contract/contacts.js';
import { cellText, contactKey, parseContactRole } from '../../../domain/import/values.js';
import { contacts, type NewContactValues, newContactValues } from '../../contacts/contact-store.js';
import { given, nonEmpty, parseRow, RowReader, rejected } from '../import-kind.js';
import { childKind, type DraftChild } from './child-rows.js';

/** Reads one row of a known customer: its name is one column, or last and first name. */
const draftContact: DraftChild<NewContactValues> = (row, customerId) => {
  const r = new RowReader();
  const role = r.take(parseContactRole(row.get('role')));
  if (r.failure) return rejected(r.failure);
  const fullName =
    nonEmpty(row.get('name')) ??
    [nonEmpty(row.get('lastName')), nonEmpty(row.get('firstName'))].filter(Boolean).join(' ');
  const input = {
    customerId,
    name: fullName,
    title: nonEmpty(row.get('title')),
    phone: nonEmpty(row.get('phone')),
    email: nonEmpty(row.get('email')),
    role,
  };
  const parsed = parseRow(createContactInput, input, 'contacts');
  if (!parsed.ok) return parsed;
  const b = parsed.value;
  const columns = newContactValues(b);
  return {
    ok: true,
    value: {
      label: `${cellText(row.get('customer'))} / ${b.name}`,
      key: contactKey(customerId, b.name, b.phone),
      insert: columns,
      given: given<NewContactValues>({ title: columns.title, email: columns.email, role: columns.role }),
    },
  };
};

/** Contacts: the people at a customer. */
export const contactKind = childKind({
  store: contacts,
  label: (row) => [cellText(row.get('customer')), cellText(row.get('name'))].filter(Boolean).join(' / '),
  draftOne: draftContact,
  keyOf: (c) => contactKey(c.customer_id, c.name, c.phone),
});
