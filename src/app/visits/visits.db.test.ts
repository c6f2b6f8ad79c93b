import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTeam, type Team, testDeps } from '../../../test/factories.js';
import { engines, type TestDatabase } from '../../../test/harness/databases.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../context.js';
import { createCustomer } from '../customers/create-customer.js';
import { createVisit } from './create-visit.js';
import { deleteVisit } from './delete-visit.js';
import { getVisit } from './get-visit.js';
import { listVisits } from './list-visits.js';
import { updateVisit } from './update-visit.js';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe.each(engines)('visits on $name', (engine) => {
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

  it('logs, reads, updates and deletes a visit, each with an audit entry', async () => {
    const { warnings, ...v } = await createVisit(deps, team.assistant, {
      customerId: (await createCustomer(deps, team.assistant, { name: '富阳纸业' })).id,
      visitOn: '2026-03-02',
      attendees: ['陈总', '刘工'],
      purpose: '第一次见面',
    });
    expect(v).toMatchObject({
      ownerId: team.assistant.membershipId,
      visitOn: '2026-03-02',
      attendees: ['陈总', '刘工'],
      purpose: '第一次见面',
      outcome: null,
      version: 1,
      meetingNumber: 1,
      status: 'done',
    });
    expect(warnings).toEqual([]);
    expect(await getVisit(deps, team.lead, v.id)).toEqual(v);
    const u = await updateVisit(deps, team.assistant, v.id, {
      version: 1,
      outcome: '约了第二次',
      nextStep: '发方案',
      attendees: ['陈总'],
    });
    expect(u).toMatchObject({ outcome: '约了第二次', nextStep: '发方案', attendees: ['陈总'], version: 2 });
    await deleteVisit(deps, team.assistant, v.id);
    expect(await codeOf(getVisit(deps, team.lead, v.id))).toBe('NOT_FOUND');
    expect((await audit(v.id)).map((a) => [a.entity, a.action, a.actor_id])).toEqual([
      ['visit', 'create', team.assistant.userId],
      ['visit', 'update', team.assistant.userId],
      ['visit', 'delete', team.assistant.userId],
    ]);
  });

  it('answers NOT_FOUND outside the rights and VALIDATION.FAILED for a customer or owner the caller cannot use', async () => {
    const v = await createVisit(deps, team.lead, { customerId, visitOn: '2026-03-02' });
    for (const who of [team.otherLead, team.otherAssistant, foreign.manager]) {
      expect(await codeOf(getVisit(deps, who, v.id))).toBe('NOT_FOUND');
      expect(await codeOf(updateVisit(deps, who, v.id, { version: 1, notes: 'hijack' }))).toBe('NOT_FOUND');
      expect(await codeOf(deleteVisit(deps, who, v.id))).toBe('NOT_FOUND');
      expect((await listVisits(deps, who, {})).items).toEqual([]);
    }
    for (const who of [team.otherLead, foreign.manager]) {
      try {
        await createVisit(deps, who, { customerId, visitOn: '2026-03-02' });
        expect.unreachable();
      } catch (error) {
        expect((error as { code: string }).code).toBe('VALIDATION.FAILED');
        expect((error as { details: { fields: Array<{ path: string }> } }).details.fields[0]?.path).toBe(
          'customerId',
        );
      }
    }
    expect(
      await codeOf(
        createVisit(deps, team.lead, {
          customerId,
          visitOn: '2026-03-02',
          ownerId: team.otherLead.membershipId,
        }),
      ),
    ).toBe('VALIDATION.FAILED');
    const theirs = (await createCustomer(deps, team.otherLead, { name: 'other' })).id;
    expect(await codeOf(updateVisit(deps, team.lead, v.id, { version: 1, customerId: theirs }))).toBe(
      'VALIDATION.FAILED',
    );
    expect(await db.selectFrom('visits').select('id').execute()).toHaveLength(1);
    expect((await getVisit(deps, team.lead, v.id)).version).toBe(1);
  });

  it('answers CONFLICT.STALE to a stale version and writes nothing', async () => {
    const v = await createVisit(deps, team.lead, { customerId, visitOn: '2026-03-02' });
    await updateVisit(deps, team.lead, v.id, { version: 1, outcome: 'good' });
    expect(await codeOf(updateVisit(deps, team.manager, v.id, { version: 1, outcome: 'stale' }))).toBe(
      'CONFLICT.STALE',
    );
    expect(await getVisit(deps, team.lead, v.id)).toMatchObject({ outcome: 'good', version: 2 });
    expect(await audit(v.id)).toHaveLength(2);
  });

  it('rejects unknown fields and bad dates', async () => {
    expect(await codeOf(createVisit(deps, team.lead, { customerId, visitOn: '2026-03-02', extra: 1 }))).toBe(
      'VALIDATION.FAILED',
    );
    expect(await codeOf(createVisit(deps, team.lead, { customerId, visitOn: '2026-02-30' }))).toBe(
      'VALIDATION.FAILED',
    );
    expect(await codeOf(listVisits(deps, team.lead, { from: 'yesterday' }))).toBe('VALIDATION.FAILED');
    expect(await codeOf(listVisits(deps, team.lead, { sort: 'x' }))).toBe('VALIDATION.FAILED');
  });

  it('lists newest first, filters by customer and date range, and pages through every visit once', async () => {
    const other = (await createCustomer(deps, team.lead, { name: '富阳纸业' })).id;
    for (let i = 0; i < 14; i++) {
      await createVisit(deps, team.lead, {
        customerId: i % 2 === 0 ? customerId : other,
        visitOn: `2026-03-${String(1 + (i % 7)).padStart(2, '0')}`,
      });
    }
    const all = await listVisits(deps, team.lead, {});
    expect(all.items.map((v) => v.visitOn)).toEqual([...all.items.map((v) => v.visitOn)].sort().reverse());
    for (const order of ['asc', 'desc'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listVisits(deps, team.lead, { order, limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((v) => v.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(14);
      expect(new Set(seen).size).toBe(14);
    }
    const ranged = await listVisits(deps, team.lead, { customerId, from: '2026-03-02', to: '2026-03-05' });
    expect(
      ranged.items.every(
        (v) => v.customerId === customerId && v.visitOn >= '2026-03-02' && v.visitOn <= '2026-03-05',
      ),
    ).toBe(true);
    // i even → customer; days 1+(i%7) for i in 0,2,4,6,8,10,12 → 1,3,5,7,2,4,6 → in range: 3,5,2,4
    expect(ranged.items.map((v) => v.visitOn)).toEqual([
      '2026-03-05',
      '2026-03-04',
      '2026-03-03',
      '2026-03-02',
    ]);
  });
});
