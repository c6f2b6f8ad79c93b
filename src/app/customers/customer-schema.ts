/**
 * The customer as the API and the web app see it, and the zod schemas of its inputs —
 * shared by the server's validation, its OpenAPI document and (later) the web forms.
 */

import type { Selectable } from 'kysely';
import type { Customer } from '../../contract/customers.js';
import type { CustomersTable } from '../../db/schema.js';
import { isQualified, qualificationGaps } from '../../domain/method/qualification.js';

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
    qualification: qualificationOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The qualification block of a customer row. */
export function qualificationOf(row: CustomerRow): Customer['qualification'] {
  const facts = {
    kpContactId: row.kp_contact_id,
    willingToSign: row.willing_to_sign,
    ableToPay: row.able_to_pay,
  };
  return {
    kpContactId: row.kp_contact_id,
    willingToSign: row.willing_to_sign,
    willingEvidence: row.willing_evidence,
    ableToPay: row.able_to_pay,
    ableEvidence: row.able_evidence,
    expectedFundsOn: row.expected_funds_on,
    qualified: isQualified(facts),
    gaps: qualificationGaps(facts),
  };
}
