/** Use case: delete a contact, with its audit entry. */
import type { Deps, Principal } from '../context.js';
import { customers } from '../customers/customer-store.js';
import { contacts } from './contact-store.js';

/**
 * Deletes a contact whose customer the caller can see; NOT_FOUND otherwise. When the
 * contact is the customer's key person, the customer loses its KP and gets a new version.
 */
export async function deleteContact(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await contacts.find(trx, principal, id);
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
      await customers.audit(trx, deps, principal, 'update', customer.id, {
        before: customers.toView(customer),
        after: customers.toView(after),
      });
    }
    await contacts.removeAudited(trx, deps, principal, row);
  });
}
