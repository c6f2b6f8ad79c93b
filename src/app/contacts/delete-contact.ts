/** Use case: delete a contact, with its audit entry. */
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { toCustomer } from '../customers/customer-schema.js';
import { toContact } from './contact-schema.js';
import { findVisibleContact } from './get-contact.js';

/**
 * Deletes a contact whose customer the caller can see; NOT_FOUND otherwise. When the
 * contact is the customer's key person, the customer loses its KP and gets a new version.
 */
export async function deleteContact(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findVisibleContact(trx, principal, id);
    // The customer loses its key person: clear it here (the foreign key would too) with a new
    // version, so a customer form opened before gets CONFLICT.STALE instead of saving over a
    // KP that is gone, and with an audit entry, so the customer's history says why.
    const customer = await trx
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', principal.workspaceId)
      .where('kp_contact_id', '=', id)
      .executeTakeFirst();
    if (customer) {
      const after = await trx
        .updateTable('customers')
        .set((eb) => ({
          kp_contact_id: null,
          // From the stored version, not the one read above: a save in between keeps its number.
          version: eb('version', '+', 1),
          updated_at: deps.clock().toISOString(),
        }))
        .where('workspace_id', '=', principal.workspaceId)
        .where('id', '=', customer.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, deps, principal, {
        entity: 'customer',
        entityId: customer.id,
        action: 'update',
        before: toCustomer(customer),
        after: toCustomer(after),
      });
    }
    await trx
      .deleteFrom('contacts')
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, deps, principal, {
      entity: 'contact',
      entityId: id,
      action: 'delete',
      before: toContact(row),
    });
  });
}
