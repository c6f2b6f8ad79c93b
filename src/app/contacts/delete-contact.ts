/** Use case: delete a contact, with its audit entry. */
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { toContact } from './contact-schema.js';
import { findVisibleContact } from './get-contact.js';

/**
 * Deletes a contact whose customer the caller can see; NOT_FOUND otherwise. When the
 * contact is the customer's key person, the customer loses its KP and gets a new version.
 */
export async function deleteContact(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findVisibleContact(trx, principal, id);
    // The foreign key clears customers.kp_contact_id; the new version makes a customer form
    // opened before this answer CONFLICT.STALE instead of saving over a KP that is gone.
    await trx
      .updateTable('customers')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: deps.clock().toISOString() }))
      .where('workspace_id', '=', principal.workspaceId)
      .where('kp_contact_id', '=', id)
      .execute();
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
