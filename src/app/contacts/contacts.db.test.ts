import { beforeEach, describe, expect, it } from 'vitest';
import { storedRow } from '../../../test/factories.js';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { allPages, expectOutOfReach, expectStaleUpdate } from '../../../test/harness/records.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createCustomer } from '../customers/create-customer.js';
import { getCustomer } from '../customers/get-customer.js';
import { updateCustomer } from '../customers/update-customer.js';
import { createContact } from './create-contact.js';
import { deleteContact } from './delete-contact.js';
import { getContact } from './get-contact.js';
import { listContacts } from './list-contacts.js';
import { updateContact } from './update-contact.js';

const useCases = { get: getContact, update: updateContact, remove: deleteContact, list: listContacts };

describe.each(engines)('contacts on $name', (engine) => {
  const ws = withWorkspace(engine, { foreign: true });
  let customerId: string;

  beforeEach(async () => {
    customerId = (await createCustomer(ws.deps, ws.team.lead, { name: '杭州织造' })).id;
  });

  it('creates, reads, updates and deletes a contact, each with an audit entry', async () => {
    const c = await createContact(ws.deps, ws.team.lead, {
      customerId,
      name: '陈总',
      title: '总经理',
      email: 'chen@example.com',
      role: 'key_person',
      kpConfirmed: true,
    });
    expect(c).toMatchObject({ customerId, name: '陈总', role: 'key_person', kpConfirmed: true, version: 1 });
    expect(await getContact(ws.deps, ws.team.manager, c.id)).toEqual(c);
    expect((await storedRow(ws.db, 'contacts', c.id)).kp_confirmed).toBe(1);

    const u = await updateContact(ws.deps, ws.team.lead, c.id, {
      version: 1,
      kpConfirmed: false,
      phone: '13800000000',
    });
    expect(u).toMatchObject({ kpConfirmed: false, phone: '13800000000', name: '陈总', version: 2 });

    await deleteContact(ws.deps, ws.team.lead, c.id);
    await expectAppError(getContact(ws.deps, ws.team.lead, c.id), 'NOT_FOUND');
    const entries = await ws.audit(c.id);
    expect(entries.map((a) => [a.entity, a.action])).toEqual([
      ['contact', 'create'],
      ['contact', 'update'],
      ['contact', 'delete'],
    ]);
    expect(entries.every((a) => a.actor_id === ws.team.lead.userId)).toBe(true);
  });

  it("deleting the customer's key person clears the KP and gives the customer a new version", async () => {
    const kp = await createContact(ws.deps, ws.team.lead, { customerId, name: '陈总', role: 'key_person' });
    const other = await createContact(ws.deps, ws.team.lead, { customerId, name: '王会计' });
    const set = await updateCustomer(ws.deps, ws.team.lead, customerId, { version: 1, kpContactId: kp.id });
    expect(set).toMatchObject({ version: 2, qualification: { kpContactId: kp.id } });
    // Another contact goes: the customer is untouched.
    await deleteContact(ws.deps, ws.team.lead, other.id);
    expect(await getCustomer(ws.deps, ws.team.lead, customerId)).toMatchObject({ version: 2 });
    await deleteContact(ws.deps, ws.team.lead, kp.id);
    expect(await getCustomer(ws.deps, ws.team.lead, customerId)).toMatchObject({
      version: 3,
      qualification: { kpContactId: null },
    });
    // The customer's history says so.
    const last = (await ws.audit(customerId)).at(-1);
    expect(last).toMatchObject({ entity: 'customer', action: 'update' });
    expect(JSON.parse(String(last?.before)).qualification.kpContactId).toBe(kp.id);
    expect(JSON.parse(String(last?.after)).qualification.kpContactId).toBeNull();
    // A form opened before, still on version 2, is told that the customer changed.
    await expectAppError(
      updateCustomer(ws.deps, ws.team.lead, customerId, { version: 2, city: '杭州' }),
      'CONFLICT.STALE',
    );
  });

  it('answers NOT_FOUND outside the rights and VALIDATION.FAILED for a customer the caller cannot see', async () => {
    const c = await createContact(ws.deps, ws.team.lead, { customerId, name: '陈总' });
    await expectOutOfReach(ws, c.id, useCases, { version: 1, name: 'hijack' });
    for (const who of [ws.team.otherLead, ws.foreign.manager]) {
      try {
        await createContact(ws.deps, who, { customerId, name: 'x' });
        expect.unreachable();
      } catch (error) {
        expect((error as { code: string }).code).toBe('VALIDATION.FAILED');
        expect((error as { details: { fields: unknown } }).details.fields).toEqual([
          { path: 'customerId', message: 'unknown customer', messageZh: '没有这个客户' },
        ]);
      }
    }
    const theirs = (await createCustomer(ws.deps, ws.team.otherLead, { name: 'other' })).id;
    await expectAppError(
      updateContact(ws.deps, ws.team.lead, c.id, { version: 1, customerId: theirs }),
      'VALIDATION.FAILED',
    );
    expect((await getContact(ws.deps, ws.team.lead, c.id)).customerId).toBe(customerId);
    expect(await ws.db.selectFrom('contacts').select('id').execute()).toHaveLength(1);
  });

  it('answers CONFLICT.STALE to a stale version and writes nothing', async () => {
    const c = await createContact(ws.deps, ws.team.lead, { customerId, name: '陈总' });
    await updateContact(ws.deps, ws.team.lead, c.id, { version: 1, title: '董事长' });
    await expectStaleUpdate(
      ws,
      updateContact(ws.deps, ws.team.manager, c.id, { version: 1, title: 'stale' }),
      () => getContact(ws.deps, ws.team.lead, c.id),
      { title: '董事长', version: 2 },
      2,
    );
  });

  it('rejects unknown fields and bad values', async () => {
    for (const input of [
      { customerId, name: 'x', workspaceId: 'w' },
      { customerId, name: 'x', role: 'boss' },
    ]) {
      await expectAppError(createContact(ws.deps, ws.team.lead, input), 'VALIDATION.FAILED');
    }
    const c = await createContact(ws.deps, ws.team.lead, { customerId, name: '陈总' });
    await expectAppError(
      updateContact(ws.deps, ws.team.lead, c.id, { version: 1, id: 'x' }),
      'VALIDATION.FAILED',
    );
    for (const query of [{ sort: 'name' }, { cursor: 'garbage' }]) {
      await expectAppError(listContacts(ws.deps, ws.team.lead, query), 'VALIDATION.FAILED');
    }
  });

  it('filters by customer and pages through every contact exactly once', async () => {
    const other = (await createCustomer(ws.deps, ws.team.lead, { name: '富阳纸业' })).id;
    for (let i = 0; i < 13; i++) {
      await createContact(ws.deps, ws.team.lead, {
        customerId: i % 3 === 0 ? other : customerId,
        name: `联系人${i % 4}`,
      });
    }
    const seen = (await allPages((page) => listContacts(ws.deps, ws.team.lead, page), 4)).map((c) => c.id);
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    const filtered = await listContacts(ws.deps, ws.team.lead, { customerId: other });
    expect(filtered.items).toHaveLength(5);
    expect(filtered.items.every((c) => c.customerId === other)).toBe(true);
  });
});
