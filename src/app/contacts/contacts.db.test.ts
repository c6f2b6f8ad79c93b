import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTeam, type Team, testDeps } from '../../../test/factories.js';
import { engines, type TestDatabase } from '../../../test/harness/databases.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../context.js';
import { createCustomer } from '../customers/create-customer.js';
import { getCustomer } from '../customers/get-customer.js';
import { updateCustomer } from '../customers/update-customer.js';
import { createContact } from './create-contact.js';
import { deleteContact } from './delete-contact.js';
import { getContact } from './get-contact.js';
import { listContacts } from './list-contacts.js';
import { updateContact } from './update-contact.js';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe.each(engines)('contacts on $name', (engine) => {
  let database: TestDatabase;
  let open: Database<Schema>;
  let db: Kysely<Schema>;
  let deps: Deps;
  let team: Team;
  let foreign: Team;
  let customerId: string;

  beforeEach(async () => {
    database = await engine.create();
    open = database.open() as Database<Schema>;
    db = open.db;
    await migrateToLatest(db as Kysely<unknown>);
    deps = testDeps(db);
    team = await seedTeam(db);
    foreign = await seedTeam(db, '宁波区域');
    customerId = (await createCustomer(deps, team.lead, { name: '杭州织造' })).id;
  });
  afterEach(async () => {
    await open.close();
    await database.dispose();
  });

  const audit = (id: string) =>
    db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).orderBy('at').orderBy('id').execute();

  it('creates, reads, updates and deletes a contact, each with an audit entry', async () => {
    const c = await createContact(deps, team.lead, {
      customerId,
      name: '陈总',
      title: '总经理',
      email: 'chen@example.com',
      role: 'key_person',
      kpConfirmed: true,
    });
    expect(c).toMatchObject({ customerId, name: '陈总', role: 'key_person', kpConfirmed: true, version: 1 });
    expect(await getContact(deps, team.manager, c.id)).toEqual(c);
    const row = await db
      .selectFrom('contacts')
      .select('kp_confirmed')
      .where('id', '=', c.id)
      .executeTakeFirst();
    expect(row?.kp_confirmed).toBe(1);

    const u = await updateContact(deps, team.lead, c.id, {
      version: 1,
      kpConfirmed: false,
      phone: '13800000000',
    });
    expect(u).toMatchObject({ kpConfirmed: false, phone: '13800000000', name: '陈总', version: 2 });

    await deleteContact(deps, team.lead, c.id);
    expect(await codeOf(getContact(deps, team.lead, c.id))).toBe('NOT_FOUND');
    const entries = await audit(c.id);
    expect(entries.map((a) => [a.entity, a.action])).toEqual([
      ['contact', 'create'],
      ['contact', 'update'],
      ['contact', 'delete'],
    ]);
    expect(entries.every((a) => a.actor_id === team.lead.userId)).toBe(true);
  });

  it("deleting the customer's key person clears the KP and gives the customer a new version", async () => {
    const kp = await createContact(deps, team.lead, { customerId, name: '陈总', role: 'key_person' });
    const other = await createContact(deps, team.lead, { customerId, name: '王会计' });
    const set = await updateCustomer(deps, team.lead, customerId, { version: 1, kpContactId: kp.id });
    expect(set).toMatchObject({ version: 2, qualification: { kpContactId: kp.id } });
    // Another contact goes: the customer is untouched.
    await deleteContact(deps, team.lead, other.id);
    expect(await getCustomer(deps, team.lead, customerId)).toMatchObject({ version: 2 });
    await deleteContact(deps, team.lead, kp.id);
    expect(await getCustomer(deps, team.lead, customerId)).toMatchObject({
      version: 3,
      qualification: { kpContactId: null },
    });
    // The customer's history says so.
    const last = (await audit(customerId)).at(-1);
    expect(last).toMatchObject({ entity: 'customer', action: 'update' });
    expect(JSON.parse(String(last?.before)).qualification.kpContactId).toBe(kp.id);
    expect(JSON.parse(String(last?.after)).qualification.kpContactId).toBeNull();
    // A form opened before, still on version 2, is told that the customer changed.
    expect(await codeOf(updateCustomer(deps, team.lead, customerId, { version: 2, city: '杭州' }))).toBe(
      'CONFLICT.STALE',
    );
  });

  it('answers NOT_FOUND outside the rights and VALIDATION.FAILED for a customer the caller cannot see', async () => {
    const c = await createContact(deps, team.lead, { customerId, name: '陈总' });
    for (const who of [team.otherLead, team.otherAssistant, foreign.manager]) {
      expect(await codeOf(getContact(deps, who, c.id))).toBe('NOT_FOUND');
      expect(await codeOf(updateContact(deps, who, c.id, { version: 1, name: 'hijack' }))).toBe('NOT_FOUND');
      expect(await codeOf(deleteContact(deps, who, c.id))).toBe('NOT_FOUND');
      expect((await listContacts(deps, who, {})).items).toEqual([]);
    }
    for (const who of [team.otherLead, foreign.manager]) {
      try {
        await createContact(deps, who, { customerId, name: 'x' });
        expect.unreachable();
      } catch (error) {
        expect((error as { code: string }).code).toBe('VALIDATION.FAILED');
        expect((error as { details: { fields: unknown } }).details.fields).toEqual([
          { path: 'customerId', message: 'unknown customer', messageZh: '没有这个客户' },
        ]);
      }
    }
    const theirs = (await createCustomer(deps, team.otherLead, { name: 'other' })).id;
    expect(await codeOf(updateContact(deps, team.lead, c.id, { version: 1, customerId: theirs }))).toBe(
      'VALIDATION.FAILED',
    );
    expect((await getContact(deps, team.lead, c.id)).customerId).toBe(customerId);
    expect(await db.selectFrom('contacts').select('id').execute()).toHaveLength(1);
  });

  it('answers CONFLICT.STALE to a stale version and writes nothing', async () => {
    const c = await createContact(deps, team.lead, { customerId, name: '陈总' });
    await updateContact(deps, team.lead, c.id, { version: 1, title: '董事长' });
    expect(await codeOf(updateContact(deps, team.manager, c.id, { version: 1, title: 'stale' }))).toBe(
      'CONFLICT.STALE',
    );
    expect(await getContact(deps, team.lead, c.id)).toMatchObject({ title: '董事长', version: 2 });
    expect(await audit(c.id)).toHaveLength(2);
  });

  it('rejects unknown fields and bad values', async () => {
    expect(await codeOf(createContact(deps, team.lead, { customerId, name: 'x', workspaceId: 'w' }))).toBe(
      'VALIDATION.FAILED',
    );
    expect(await codeOf(createContact(deps, team.lead, { customerId, name: 'x', role: 'boss' }))).toBe(
      'VALIDATION.FAILED',
    );
    const c = await createContact(deps, team.lead, { customerId, name: '陈总' });
    expect(await codeOf(updateContact(deps, team.lead, c.id, { version: 1, id: 'x' }))).toBe(
      'VALIDATION.FAILED',
    );
    expect(await codeOf(listContacts(deps, team.lead, { sort: 'name' }))).toBe('VALIDATION.FAILED');
    expect(await codeOf(listContacts(deps, team.lead, { cursor: 'garbage' }))).toBe('VALIDATION.FAILED');
  });

  it('filters by customer and pages through every contact exactly once', async () => {
    const other = (await createCustomer(deps, team.lead, { name: '富阳纸业' })).id;
    for (let i = 0; i < 13; i++) {
      await createContact(deps, team.lead, {
        customerId: i % 3 === 0 ? other : customerId,
        name: `联系人${i % 4}`,
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listContacts(deps, team.lead, { limit: 4, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    const filtered = await listContacts(deps, team.lead, { customerId: other });
    expect(filtered.items).toHaveLength(5);
    expect(filtered.items.every((c) => c.customerId === other)).toBe(true);
  });
});
