/** Contacts of customers in the API: the record, its inputs and the list query. */
import { z } from 'zod';
import { page, recordStamps, text, updateInputOf } from './common.js';
import { recordRoutes } from './http.js';

export const CONTACT_ROLES = ['key_person', 'influencer', 'user', 'gatekeeper'] as const;

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
export const updateContactInput = updateInputOf(contactFields);

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
  ...recordStamps,
});

export type Contact = z.infer<typeof contactView>;

/** Query of "list contacts". */
export const listContactsQuery = z.strictObject({
  customerId: z.uuid().optional(),
  ...page,
});

/** The contact routes. */
export const contactRoutes = recordRoutes('contacts', 'contact', {
  view: contactView,
  createInput: createContactInput,
  updateInput: updateContactInput,
  listQuery: listContactsQuery,
});
