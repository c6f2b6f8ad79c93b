/** Use case: delete a contact, with its audit entry. */
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { toContact } from './contact-schema.js';
import { findVisibleContact } from './get-contact.js';

/** Deletes a contact whose customer the caller can see; NOT_FOUND otherwise. */
export async function deleteContact(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findVisibleContact(trx, principal, id);
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
