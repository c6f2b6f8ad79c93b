/** Use case: create a contact of a customer the caller can see (with its audit entry). */

import { type Contact, createContactInput } from '../../contract/contacts.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { checkVisibleCustomer } from '../customers/visible-customer.js';
import { parseInput } from '../validation.js';
import { toContact } from './contact-schema.js';

/** Creates a contact; a customer the caller cannot see is VALIDATION.FAILED on `customerId`. */
export async function createContact(deps: Deps, principal: Principal, input: unknown): Promise<Contact> {
  const body = parseInput(createContactInput, input);
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await checkVisibleCustomer(trx, principal, body.customerId);
    const row = await trx
      .insertInto('contacts')
      .values({
        id: deps.newId(),
        workspace_id: principal.workspaceId,
        customer_id: body.customerId,
        name: body.name,
        title: body.title ?? null,
        phone: body.phone ?? null,
        email: body.email ?? null,
        role: body.role ?? null,
        kp_confirmed: body.kpConfirmed ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const contact = toContact(row);
    await recordAudit(trx, deps, principal, {
      entity: 'contact',
      entityId: contact.id,
      action: 'create',
      after: contact,
    });
    return contact;
  });
}
