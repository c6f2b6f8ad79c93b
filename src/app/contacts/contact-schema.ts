/** The contact (a person at a customer) as the API sees it, and the zod schemas of its inputs. */
import { z } from 'zod';
import type { ContactsTable } from '../../db/schema.js';

export const CONTACT_ROLES = ['key_person', 'influencer', 'user', 'gatekeeper'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

/** Fields a caller may set on a contact; anything else is rejected. */
export const contactFields = z.strictObject({
  customerId: z.uuid(),
  name: text(200),
  title: text(100).nullable().optional(),
  phone: text(50).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  role: z.enum(CONTACT_ROLES).nullable().optional(),
  kpConfirmed: z.boolean().optional(),
});

/** Body of "create a contact". */
export const createContactInput = contactFields;
export type CreateContactInput = z.infer<typeof createContactInput>;

/** Body of "update a contact": any subset of the fields plus the version last read. */
export const updateContactInput = contactFields.partial().extend({ version: z.number().int().min(1) });
export type UpdateContactInput = z.infer<typeof updateContactInput>;

/** A contact as returned by the API. */
export const contactView = z.object({
  id: z.string(),
  customerId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  role: z.enum(CONTACT_ROLES).nullable(),
  kpConfirmed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Contact = z.infer<typeof contactView>;

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
