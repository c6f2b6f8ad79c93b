import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTeam, type Team, testClock, testDeps } from '../../../test/factories.js';
import { engines, type TestDatabase } from '../../../test/harness/databases.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../context.js';
import { createCustomer } from '../customers/create-customer.js';
import { createFollowUp } from './create-follow-up.js';
import { deleteFollowUp } from './delete-follow-up.js';
import { getFollowUp } from './get-follow-up.js';
import { listFollowUps } from './list-follow-ups.js';
import { updateFollowUp } from './update-follow-up.js';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

async function fieldsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    return ((error as { details?: { fields?: Array<{ path: string }> } }).details?.fields ?? []).map(
      (f) => f.path,
    );
  }
  return [];
}

describe.each(engines)('follow-ups on $name', (engine) => {
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
    // 2026-03-02 10:00 in Shanghai: "today" for the overdue filter is 2026-03-02.
    deps = testDeps(db, testClock('2026-03-02T02:00:00.000Z'));
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

  it('creates, reads, completes, reopens and deletes a follow-up, each with an audit entry', async () => {
    const f = await createFollowUp(deps, team.lead, {
      customerId,
      dueOn: '2026-03-05',
      kind: 'call',
      notes: '问预算',
    });
    expect(f).toMatchObject({
      customerId,
      assigneeId: team.lead.membershipId,
      dueOn: '2026-03-05',
      kind: 'call',
      done: false,
      doneAt: null,
      version: 1,
    });
    expect(await getFollowUp(deps, team.manager, f.id)).toEqual(f);
    const done = await updateFollowUp(deps, team.lead, f.id, { version: 1, done: true });
    expect(done).toMatchObject({ done: true, doneAt: '2026-03-02T02:00:00.000Z', version: 2 });
    const row = await db.selectFrom('follow_ups').select('done').where('id', '=', f.id).executeTakeFirst();
    expect(row?.done).toBe(1);
    const reopened = await updateFollowUp(deps, team.lead, f.id, {
      version: 2,
      done: false,
      assigneeId: team.assistant.membershipId,
    });
    expect(reopened).toMatchObject({
      done: false,
      doneAt: null,
      assigneeId: team.assistant.membershipId,
      version: 3,
    });
    await deleteFollowUp(deps, team.lead, f.id);
    expect(await codeOf(getFollowUp(deps, team.lead, f.id))).toBe('NOT_FOUND');
    expect((await audit(f.id)).map((a) => [a.entity, a.action])).toEqual([
      ['follow_up', 'create'],
      ['follow_up', 'update'],
      ['follow_up', 'update'],
      ['follow_up', 'delete'],
    ]);
  });

  it('answers NOT_FOUND outside the rights and VALIDATION.FAILED for a customer or assignee the caller cannot use', async () => {
    const f = await createFollowUp(deps, team.lead, { customerId, dueOn: '2026-03-05', kind: 'call' });
    for (const who of [team.otherLead, team.otherAssistant, foreign.manager]) {
      expect(await codeOf(getFollowUp(deps, who, f.id))).toBe('NOT_FOUND');
      expect(await codeOf(updateFollowUp(deps, who, f.id, { version: 1, done: true }))).toBe('NOT_FOUND');
      expect(await codeOf(deleteFollowUp(deps, who, f.id))).toBe('NOT_FOUND');
      expect((await listFollowUps(deps, who, {})).items).toEqual([]);
    }
    for (const who of [team.otherLead, foreign.manager]) {
      expect(
        await fieldsOf(createFollowUp(deps, who, { customerId, dueOn: '2026-03-05', kind: 'call' })),
      ).toEqual(['customerId']);
    }
    expect(
      await fieldsOf(
        createFollowUp(deps, team.lead, {
          customerId,
          dueOn: '2026-03-05',
          kind: 'call',
          assigneeId: team.otherAssistant.membershipId,
        }),
      ),
    ).toEqual(['assigneeId']);
    const theirs = (await createCustomer(deps, team.otherLead, { name: 'other' })).id;
    expect(await fieldsOf(updateFollowUp(deps, team.lead, f.id, { version: 1, customerId: theirs }))).toEqual(
      ['customerId'],
    );
    expect(await db.selectFrom('follow_ups').select('id').execute()).toHaveLength(1);
    expect((await getFollowUp(deps, team.lead, f.id)).version).toBe(1);
  });

  it('answers CONFLICT.STALE to a stale version and writes nothing', async () => {
    const f = await createFollowUp(deps, team.lead, { customerId, dueOn: '2026-03-05', kind: 'call' });
    await updateFollowUp(deps, team.lead, f.id, { version: 1, dueOn: '2026-03-06' });
    expect(await codeOf(updateFollowUp(deps, team.manager, f.id, { version: 1, done: true }))).toBe(
      'CONFLICT.STALE',
    );
    expect(await getFollowUp(deps, team.lead, f.id)).toMatchObject({
      dueOn: '2026-03-06',
      done: false,
      version: 2,
    });
    expect(await audit(f.id)).toHaveLength(2);
  });

  it('rejects unknown fields and bad values', async () => {
    expect(
      await codeOf(
        createFollowUp(deps, team.lead, { customerId, dueOn: '2026-03-05', kind: 'call', doneAt: 'x' }),
      ),
    ).toBe('VALIDATION.FAILED');
    expect(await codeOf(createFollowUp(deps, team.lead, { customerId, dueOn: '3/5', kind: 'call' }))).toBe(
      'VALIDATION.FAILED',
    );
    expect(await codeOf(listFollowUps(deps, team.lead, { overdue: 'yes' }))).toBe('VALIDATION.FAILED');
    expect(await codeOf(listFollowUps(deps, team.lead, { cursor: 'bad' }))).toBe('VALIDATION.FAILED');
  });

  it('sorts open ones by due date first, filters overdue, and pages through every follow-up once', async () => {
    const days = ['2026-03-04', '2026-02-27', '2026-03-02', '2026-03-01', '2026-02-28'];
    const made = [];
    for (let i = 0; i < 15; i++) {
      made.push(
        await createFollowUp(deps, team.lead, {
          customerId,
          dueOn: days[i % days.length] ?? '2026-03-01',
          kind: i % 2 ? 'call' : 'visit',
          done: i % 4 === 3,
        }),
      );
    }
    const all = (await listFollowUps(deps, team.lead, { limit: 200 })).items;
    const key = (f: { done: boolean; dueOn: string }) => `${f.done ? 1 : 0}|${f.dueOn}`;
    expect(all.map(key)).toEqual([...all.map(key)].sort());
    expect(all[0]).toMatchObject({ done: false, dueOn: '2026-02-27' });

    const overdue = (await listFollowUps(deps, team.lead, { overdue: 'true' })).items;
    const expected = made.filter((f) => !f.done && f.dueOn < '2026-03-02');
    expect(overdue.map((f) => f.id).sort()).toEqual(expected.map((f) => f.id).sort());
    const notOverdue = (await listFollowUps(deps, team.lead, { overdue: false })).items;
    expect(notOverdue.length + overdue.length).toBe(15);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listFollowUps(deps, team.lead, { limit: 4, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((f) => f.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.map((f) => f.id));
    expect(new Set(seen).size).toBe(15);
  });
});
