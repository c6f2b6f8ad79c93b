/** Use case: update a contact under optimistic concurrency, with its audit entry. */

import { type Contact, updateContactInput } from '../../contract/contacts.js';
import { AppError } from '../../domain/errors.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { checkVisibleCustomer } from '../customers/visible-customer.js';
import { parseInput } from '../validation.js';
import { toContact } from './contact-schema.js';
import { findVisibleContact } from './get-contact.js';

/** Applies the given fields if `version` is current, else CONFLICT.STALE; NOT_FOUND for a contact the caller cannot see. */
export async function updateContact(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<Contact> {
  const { version, ...fields } = parseInput(updateContactInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findVisibleContact(trx, principal, id);
    if (before.version !== version) {
      throw new AppError('CONFLICT.STALE', {
        entity: 'contact',
        id,
        version,
        currentVersion: before.version,
      });
    }
    if (fields.customerId !== undefined) await checkVisibleCustomer(trx, principal, fields.customerId);
    const result = await trx
      .updateTable('contacts')
      .set({
        ...(fields.customerId !== undefined ? { customer_id: fields.customerId } : {}),
        ...(fields.name !== undefined ? { name: fields.name } : {}),
        ...(fields.title !== undefined ? { title: fields.title } : {}),
        ...(fields.phone !== undefined ? { phone: fields.phone } : {}),
        ...(fields.email !== undefined ? { email: fields.email } : {}),
        ...(fields.role !== undefined ? { role: fields.role } : {}),
        ...(fields.kpConfirmed !== undefined ? { kp_confirmed: fields.kpConfirmed ? 1 : 0 } : {}),
        updated_at: deps.clock().toISOString(),
        version: version + 1,
      })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      // The version guard makes a concurrent writer that read the same version lose here.
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!result) throw new AppError('CONFLICT.STALE', { entity: 'contact', id, version });
    const after = toContact(result);
    await recordAudit(trx, deps, principal, {
      entity: 'contact',
      entityId: id,
      action: 'update',
      before: toContact(before),
      after,
    });
    return after;
  });
}
