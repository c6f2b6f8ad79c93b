/** Importing contacts: a row is a person at a customer, found again by customer, name and phone. */
import type { Selectable } from 'kysely';
import { createContactInput } from '../../../contract/contacts.js';
import type { ContactsTable } from '../../../db/schema.js';
import { cellText, contactKey, type Parsed, parseContactRole } from '../../../domain/import/values.js';
import { toContact } from '../../contacts/contact-schema.js';
import {
  type Draft,
  given,
  type ImportKind,
  inChunks,
  type MappedRow,
  nonEmpty,
  RowReader,
  rejected,
  schemaReason,
} from '../import-kind.js';
import { childrenByKey, draftChildren } from './child-rows.js';

/** The stored columns an imported contact row sets. */
interface ContactColumns {
  customer_id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  role: ContactsTable['role'];
}

type ContactRecord = Selectable<ContactsTable>;

/** Reads one row of a known customer: its name is one column, or last and first name. */
function draftContact(row: MappedRow, customerId: string): Parsed<Draft<ContactColumns>> {
  const r = new RowReader();
  const role = r.take(parseContactRole(row.get('role')));
  if (r.failure) return rejected(r.failure);
  const fullName =
    nonEmpty(row.get('name')) ??
    [nonEmpty(row.get('lastName')), nonEmpty(row.get('firstName'))].filter(Boolean).join(' ');
  const parsed = createContactInput.safeParse(
    {
      customerId,
      name: fullName,
      title: nonEmpty(row.get('title')),
      phone: nonEmpty(row.get('phone')),
      email: nonEmpty(row.get('email')),
      role,
    },
    { reportInput: true },
  );
  if (!parsed.success) return rejected(schemaReason(parsed.error.issues, 'contacts'));
  const b = parsed.data;
  const columns: ContactColumns = {
    customer_id: customerId,
    name: b.name,
    title: b.title ?? null,
    phone: b.phone ?? null,
    email: b.email ?? null,
    role: b.role ?? null,
  };
  return {
    ok: true,
    value: {
      label: `${cellText(row.get('customer'))} / ${b.name}`,
      key: contactKey(customerId, b.name, b.phone),
      insert: columns,
      given: given<ContactColumns>({ title: columns.title, email: columns.email, role: columns.role }),
    },
  };
}

/** Contacts: the people at a customer. */
export const contactKind: ImportKind<ContactColumns, ContactRecord> = {
  entity: 'contact',
  label: (row) => [cellText(row.get('customer')), cellText(row.get('name'))].filter(Boolean).join(' / '),
  draft: (db, context, rows) => draftChildren(db, context, rows, draftContact),
  findExisting: (db, principal, drafts) =>
    childrenByKey(
      drafts,
      (customerIds) =>
        db
          .selectFrom('contacts')
          .selectAll()
          .where('workspace_id', '=', principal.workspaceId)
          .where('customer_id', 'in', customerIds)
          .orderBy('created_at')
          .execute(),
      (c) => contactKey(c.customer_id, c.name, c.phone),
    ),
  insert: (db, records) =>
    inChunks(records, (chunk) => db.insertInto('contacts').values(chunk).returningAll().execute()),
  update: (db, principal, stored, changes, now) =>
    db
      .updateTable('contacts')
      .set({ ...changes, updated_at: now, version: stored.version + 1 })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', stored.id)
      .where('version', '=', stored.version)
      .returningAll()
      .executeTakeFirst(),
  view: toContact,
};
