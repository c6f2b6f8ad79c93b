import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTeam, type Team, testDeps } from '../../../test/factories.js';
import { engines, type TestDatabase } from '../../../test/harness/databases.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import { DEFAULT_DISCOVERY_CHAIN } from '../../domain/method/discovery.js';
import type { Deps } from '../context.js';
import { createCustomer } from '../customers/create-customer.js';
import { createProduct } from '../products/create-product.js';
import { createVisit } from '../visits/create-visit.js';
import { updateVisit } from '../visits/update-visit.js';
import { getDiscoveryChain, listDiscoveryChainVersions } from './get-discovery-chain.js';
import { getPitchList } from './get-pitch-list.js';
import { recordVisitDiscovery } from './record-visit-discovery.js';
import { saveDiscoveryChain } from './save-discovery-chain.js';

async function failure(promise: Promise<unknown>): Promise<{ code?: string; fields: string[] }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; details?: { fields?: Array<{ path: string }> } };
    return { code: e.code, fields: (e.details?.fields ?? []).map((f) => f.path) };
  }
  return { fields: [] };
}

const q = (id: string) => ({ id, zh: `问题 ${id}`, en: `Question ${id}` });

describe.each(engines)('discovery on $name', (engine) => {
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
    customerId = (
      await createCustomer(deps, team.lead, { name: '杭州织造', assistantId: team.assistant.membershipId })
    ).id;
  });
  afterEach(async () => {
    await open.close();
    await database.dispose();
  });

  it('serves the built-in chain until a manager stores new versions', async () => {
    const builtIn = await getDiscoveryChain(deps, team.assistant);
    expect(builtIn).toMatchObject({ version: 0, createdAt: null });
    expect(builtIn.questions.map((x) => x.id)).toEqual(DEFAULT_DISCOVERY_CHAIN.questions.map((x) => x.id));
    expect((await failure(saveDiscoveryChain(deps, team.lead, { questions: [q('a')] }))).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(await failure(saveDiscoveryChain(deps, team.manager, { questions: [q('a'), q('a')] }))).toEqual({
      code: 'VALIDATION.FAILED',
      fields: ['questions.1.id'],
    });
    expect((await failure(saveDiscoveryChain(deps, team.manager, { questions: [] }))).fields).toEqual([
      'questions',
    ]);
    const v1 = await saveDiscoveryChain(deps, team.manager, {
      questions: [q('a'), { ...q('b'), hint: '提示', hintEn: 'A hint' }],
    });
    expect(v1).toMatchObject({ version: 1, createdBy: team.manager.userId });
    const v2 = await saveDiscoveryChain(deps, team.manager, { questions: [q('c')] });
    expect(v2.version).toBe(2);
    expect(await getDiscoveryChain(deps, team.lead)).toEqual(v2);
    expect((await listDiscoveryChainVersions(deps, team.lead)).map((v) => v.version)).toEqual([2, 1, 0]);
    expect((await listDiscoveryChainVersions(deps, team.lead))[1]?.questions[1]).toEqual({
      ...q('b'),
      hint: '提示',
      hintEn: 'A hint',
    });
    // Another workspace keeps the built-in chain.
    expect((await getDiscoveryChain(deps, foreign.lead)).version).toBe(0);
    const audit = await db
      .selectFrom('audit_log')
      .select('entity')
      .where('entity', '=', 'discovery_chain')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it("writes a visit's answers and pains against a chain version, refusing unknown versions and questions", async () => {
    const visit = await createVisit(deps, team.lead, { customerId, visitOn: '2026-03-03' });
    const answers = [
      { questionId: 'situation', answer: '做中东市场，靠展会' },
      { questionId: 'dissatisfaction', answer: '询盘越来越少' },
    ];
    const pains = [{ category: 'user_count', need: '每月多 30 个有效询盘' }];
    const written = await recordVisitDiscovery(deps, team.assistant, visit.id, {
      version: 1,
      discoveryVersion: 0,
      answers,
      pains,
    });
    expect(written).toEqual({
      visitId: visit.id,
      customerId,
      discoveryVersion: 0,
      answers,
      pains,
      version: 2,
    });
    const row = await db
      .selectFrom('visits')
      .selectAll()
      .where('id', '=', visit.id)
      .executeTakeFirstOrThrow();
    expect([row.discovery_version, JSON.parse(row.discovery_answers), JSON.parse(row.pains)]).toEqual([
      0,
      answers,
      pains,
    ]);

    // Version 1 of the foreign workspace does not exist here.
    await saveDiscoveryChain(deps, foreign.manager, { questions: [q('a')] });
    expect(
      await failure(
        recordVisitDiscovery(deps, team.lead, visit.id, {
          version: 2,
          discoveryVersion: 1,
          answers: [],
          pains: [],
        }),
      ),
    ).toEqual({ code: 'VALIDATION.FAILED', fields: ['discoveryVersion'] });
    await saveDiscoveryChain(deps, team.manager, { questions: [q('a')] });
    // "situation" belongs to version 0, not to version 1.
    expect(
      await failure(
        recordVisitDiscovery(deps, team.lead, visit.id, {
          version: 2,
          discoveryVersion: 1,
          answers: [
            { questionId: 'a', answer: 'x' },
            { questionId: 'situation', answer: 'y' },
          ],
          pains: [],
        }),
      ),
    ).toEqual({ code: 'VALIDATION.FAILED', fields: ['answers.1.questionId'] });
    expect(
      (
        await failure(
          recordVisitDiscovery(deps, team.lead, visit.id, {
            version: 2,
            discoveryVersion: 1,
            answers: [],
            pains: [{ category: 'luck', need: 'x' }],
          }),
        )
      ).fields,
    ).toEqual(['pains.0.category']);
    expect(
      (
        await failure(
          recordVisitDiscovery(deps, team.lead, visit.id, {
            version: 1,
            discoveryVersion: 1,
            answers: [],
            pains: [],
          }),
        )
      ).code,
    ).toBe('CONFLICT.STALE');
    for (const who of [team.otherLead, foreign.manager]) {
      expect(
        (
          await failure(
            recordVisitDiscovery(deps, who, visit.id, {
              version: 2,
              discoveryVersion: 0,
              answers: [],
              pains: [],
            }),
          )
        ).code,
      ).toBe('NOT_FOUND');
    }
    // The answers may move to the newer version.
    const again = await recordVisitDiscovery(deps, team.lead, visit.id, {
      version: 2,
      discoveryVersion: 1,
      answers: [{ questionId: 'a', answer: '品牌不够响' }],
      pains: [{ category: 'brand', need: '让买家信任' }],
    });
    expect(again.version).toBe(3);
    // The ordinary visit update sees the new version.
    expect((await updateVisit(deps, team.lead, visit.id, { version: 3, outcome: 'ok' })).version).toBe(4);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', visit.id)
      .execute();
    expect(audit).toHaveLength(4);
  });

  it("ranks the products by the customer's newest pains", async () => {
    await createProduct(deps, team.manager, {
      name: '出口通',
      priceMinor: 2_980_000,
      features: [{ name: '海外买家询盘', pains: ['user_count', 'market_size'] }],
    });
    await createProduct(deps, team.manager, {
      name: '金品诚企',
      priceMinor: 8_000_000,
      features: [
        { name: '实力商家认证', pains: ['brand'] },
        { name: '数据管家', pains: ['performance'] },
      ],
    });
    await createProduct(deps, team.manager, {
      name: '旺铺',
      priceMinor: 500_000,
      features: [{ name: '装修', pains: ['team'] }],
    });
    await createProduct(deps, foreign.manager, {
      name: '外区产品',
      priceMinor: 1,
      features: [{ name: 'x', pains: ['brand'] }],
    });
    const old = await createVisit(deps, team.lead, { customerId, visitOn: '2026-03-03' });
    const recent = await createVisit(deps, team.lead, { customerId, visitOn: '2026-03-10' });
    await recordVisitDiscovery(deps, team.lead, old.id, {
      version: 1,
      discoveryVersion: 0,
      answers: [],
      pains: [
        { category: 'brand', need: '旧的品牌需求' },
        { category: 'market_size', need: '打开中东市场' },
      ],
    });
    await recordVisitDiscovery(deps, team.lead, recent.id, {
      version: 1,
      discoveryVersion: 0,
      answers: [],
      pains: [
        { category: 'brand', need: '让买家信任' },
        { category: 'performance', need: '业绩翻番' },
      ],
    });
    const list = await getPitchList(deps, team.manager, customerId);
    expect(list.pains).toEqual([
      { category: 'brand', need: '让买家信任' },
      { category: 'performance', need: '业绩翻番' },
      { category: 'market_size', need: '打开中东市场' },
    ]);
    expect(list.items.map((i) => [i.name, i.painsAnswered, i.features.map((f) => f.name)])).toEqual([
      ['金品诚企', 2, ['实力商家认证', '数据管家']],
      ['出口通', 1, ['海外买家询盘']],
    ]);
    for (const who of [team.otherLead, foreign.manager]) {
      expect((await failure(getPitchList(deps, who, customerId))).code).toBe('NOT_FOUND');
    }
  });
});
