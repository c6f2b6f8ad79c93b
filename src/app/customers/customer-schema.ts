/**
 * The customer as the API and the web app see it, and the zod schemas of its inputs —
 * shared by the server's validation, its OpenAPI document and (later) the web forms.
 */

import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { CustomersTable } from '../../db/schema.js';

export const CUSTOMER_CLASSES = ['A', 'B', 'C', 'new'] as const;
export const CUSTOMER_STATUSES = ['lead', 'contacted', 'qualified', 'proposal', 'won', 'lost'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.uuid();

/** Fields a caller may set on a customer; anything else is rejected (no mass assignment). */
export const customerFields = z.strictObject({
  name: text(200),
  company: text(200).nullable().optional(),
  marketId: id.nullable().optional(),
  city: text(100).nullable().optional(),
  class: z.enum(CUSTOMER_CLASSES).optional(),
  status: z.enum(CUSTOMER_STATUSES).optional(),
  ownerId: id.nullable().optional(),
  assistantId: id.nullable().optional(),
  source: text(100).nullable().optional(),
  tags: z.array(text(50)).max(50).optional(),
  notes: z.string().max(10_000).nullable().optional(),
});

/** Body of "create a customer". */
export const createCustomerInput = customerFields;
export type CreateCustomerInput = z.infer<typeof createCustomerInput>;

/** Body of "update a customer": any subset of the fields plus the version last read. */
export const updateCustomerInput = customerFields.partial().extend({ version: z.number().int().min(1) });
export type UpdateCustomerInput = z.infer<typeof updateCustomerInput>;

/** A customer as returned by the API. */
export const customerView = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  marketId: z.string().nullable(),
  city: z.string().nullable(),
  class: z.enum(CUSTOMER_CLASSES),
  status: z.enum(CUSTOMER_STATUSES),
  ownerId: z.string().nullable(),
  assistantId: z.string().nullable(),
  source: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Customer = z.infer<typeof customerView>;

/** A customers row as Kysely returns it. */
export type CustomerRow = Selectable<CustomersTable>;

/** Row → API shape. */
export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    marketId: row.market_id,
    city: row.city,
    class: row.class,
    status: row.status,
    ownerId: row.owner_id,
    assistantId: row.assistant_id,
    source: row.source,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
