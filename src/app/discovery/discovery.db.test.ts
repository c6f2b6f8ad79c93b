import { beforeEach, describe, expect, it } from 'vitest';
import { storedRow } from '../../../test/factories.js';
import { expectAppError, fieldPaths, rejectedFields } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { createAssistedCustomer } from '../../../test/harness/records.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { DEFAULT_DISCOVERY_CHAIN } from '../../domain/method/discovery.js';
import { createProduct } from '../products/create-product.js';
import { createVisit } from '../visits/create-visit.js';
import { updateVisit } from '../visits/update-visit.js';
import { getDiscoveryChain, listDiscoveryChainVersions } from './get-discovery-chain.js';
import { getPitchList } from './get-pitch-list.js';
import { listCustomerDiscoveries } from './list-customer-discoveries.js';
import { recordVisitDiscovery } from './record-visit-discovery.js';
import { saveDiscoveryChain } from './save-discovery-chain.js';

const q = (id: string) => ({ id, zh: `问题 ${id}`, en: `Question ${id}` });

describe.each(engines)('discovery on $name', (engine) => {
  const ws = withWorkspace(engine, { foreign: true });
  let customerId: string;

  beforeEach(async () => {
    customerId = await createAssistedCustomer(ws);
  });

  it('serves the built-in chain until a manager stores new versions', async () => {
    const builtIn = await getDiscoveryChain(ws.deps, ws.team.assistant);
    expect(builtIn).toMatchObject({ version: 0, createdAt: null });
    expect(builtIn.questions.map((x) => x.id)).toEqual(DEFAULT_DISCOVERY_CHAIN.questions.map((x) => x.id));
    await expectAppError(
      saveDiscoveryChain(ws.deps, ws.team.lead, { questions: [q('a')] }),
      'AUTH.FORBIDDEN',
    );
    expect(
      fieldPaths(
        await expectAppError(
          saveDiscoveryChain(ws.deps, ws.team.manager, { questions: [q('a'), q('a')] }),
          'VALIDATION.FAILED',
        ),
      ),
    ).toEqual(['questions.1.id']);
    expect(await rejectedFields(saveDiscoveryChain(ws.deps, ws.team.manager, { questions: [] }))).toEqual([
      'questions',
    ]);
    const v1 = await saveDiscoveryChain(ws.deps, ws.team.manager, {
      questions: [q('a'), { ...q('b'), hint: '提示', hintEn: 'A hint' }],
    });
    expect(v1).toMatchObject({ version: 1, createdBy: ws.team.manager.userId });
    const v2 = await saveDiscoveryChain(ws.deps, ws.team.manager, { questions: [q('c')] });
    expect(v2.version).toBe(2);
    expect(await getDiscoveryChain(ws.deps, ws.team.lead)).toEqual(v2);
    expect((await listDiscoveryChainVersions(ws.deps, ws.team.lead)).map((v) => v.version)).toEqual([
      2, 1, 0,
    ]);
    expect((await listDiscoveryChainVersions(ws.deps, ws.team.lead))[1]?.questions[1]).toEqual({
      ...q('b'),
      hint: '提示',
      hintEn: 'A hint',
    });
    // Another workspace keeps the built-in chain.
    expect((await getDiscoveryChain(ws.deps, ws.foreign.lead)).version).toBe(0);
    const audit = await ws.db
      .selectFrom('audit_log')
      .select('entity')
      .where('entity', '=', 'discovery_chain')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it("writes a visit's answers and pains against a chain version, refusing unknown versions and questions", async () => {
    const visit = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-03' });
    const answers = [
      { questionId: 'situation', answer: '做中东市场，靠展会' },
      { questionId: 'dissatisfaction', answer: '询盘越来越少' },
    ];
    const pains = [{ category: 'user_count', need: '每月多 30 个有效询盘' }];
    const written = await recordVisitDiscovery(ws.deps, ws.team.assistant, visit.id, {
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
    const row = await storedRow(ws.db, 'visits', visit.id);
    expect([row.discovery_version, JSON.parse(row.discovery_answers), JSON.parse(row.pains)]).toEqual([
      0,
      answers,
      pains,
    ]);

    // A second write of this visit (at version 2, against version 1 of the chain unless told).
    const rewrite = (body: object, who = ws.team.lead) =>
      recordVisitDiscovery(ws.deps, who, visit.id, {
        version: 2,
        discoveryVersion: 1,
        answers: [],
        pains: [],
        ...body,
      });
    const refusedFields = async (body: object) =>
      fieldPaths(await expectAppError(rewrite(body), 'VALIDATION.FAILED'));

    // Version 1 of the foreign workspace does not exist here.
    await saveDiscoveryChain(ws.deps, ws.foreign.manager, { questions: [q('a')] });
    expect(await refusedFields({})).toEqual(['discoveryVersion']);
    await saveDiscoveryChain(ws.deps, ws.team.manager, { questions: [q('a')] });
    // "situation" belongs to version 0, not to version 1.
    expect(
      await refusedFields({
        answers: [
          { questionId: 'a', answer: 'x' },
          { questionId: 'situation', answer: 'y' },
        ],
      }),
    ).toEqual(['answers.1.questionId']);
    expect(await rejectedFields(rewrite({ pains: [{ category: 'luck', need: 'x' }] }))).toEqual([
      'pains.0.category',
    ]);
    await expectAppError(rewrite({ version: 1 }), 'CONFLICT.STALE');
    // A stale form hears CONFLICT.STALE (with the current version) before a field error.
    const stale = await expectAppError(rewrite({ version: 1, discoveryVersion: 9 }), 'CONFLICT.STALE');
    expect(stale.details).toEqual({ entity: 'visit', id: visit.id, version: 1, currentVersion: 2 });
    for (const who of [ws.team.otherLead, ws.foreign.manager]) {
      await expectAppError(rewrite({ discoveryVersion: 0 }, who), 'NOT_FOUND');
    }
    // The answers may move to the newer version.
    const again = await recordVisitDiscovery(ws.deps, ws.team.lead, visit.id, {
      version: 2,
      discoveryVersion: 1,
      answers: [{ questionId: 'a', answer: '品牌不够响' }],
      pains: [{ category: 'brand', need: '让买家信任' }],
    });
    expect(again.version).toBe(3);
    // The ordinary visit update sees the new version.
    expect((await updateVisit(ws.deps, ws.team.lead, visit.id, { version: 3, outcome: 'ok' })).version).toBe(
      4,
    );
    const audit = await ws.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', visit.id)
      .execute();
    expect(audit).toHaveLength(4);
  });

  it("ranks the products by the customer's newest pains", async () => {
    await createProduct(ws.deps, ws.team.manager, {
      name: '出口通',
      priceMinor: 2_980_000,
      features: [{ name: '海外买家询盘', pains: ['user_count', 'market_size'] }],
    });
    await createProduct(ws.deps, ws.team.manager, {
      name: '金品诚企',
      priceMinor: 8_000_000,
      features: [
        { name: '实力商家认证', pains: ['brand'] },
        { name: '数据管家', pains: ['performance'] },
      ],
    });
    await createProduct(ws.deps, ws.team.manager, {
      name: '旺铺',
      priceMinor: 500_000,
      features: [{ name: '装修', pains: ['team'] }],
    });
    await createProduct(ws.deps, ws.foreign.manager, {
      name: '外区产品',
      priceMinor: 1,
      features: [{ name: 'x', pains: ['brand'] }],
    });
    const old = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-03' });
    const recent = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-10' });
    const writePains = (visitId: string, pains: { category: string; need: string }[]) =>
      recordVisitDiscovery(ws.deps, ws.team.lead, visitId, {
        version: 1,
        discoveryVersion: 0,
        answers: [],
        pains,
      });
    await writePains(old.id, [
      { category: 'brand', need: '旧的品牌需求' },
      { category: 'market_size', need: '打开中东市场' },
    ]);
    await writePains(recent.id, [
      { category: 'brand', need: '让买家信任' },
      { category: 'performance', need: '业绩翻番' },
    ]);
    // A visit without a discovery is not listed; the newest visit's discovery comes first.
    await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-12' });
    expect((await listCustomerDiscoveries(ws.deps, ws.team.lead, customerId)).map((d) => d.visitId)).toEqual([
      recent.id,
      old.id,
    ]);
    await expectAppError(listCustomerDiscoveries(ws.deps, ws.team.otherLead, customerId), 'NOT_FOUND');
    const list = await getPitchList(ws.deps, ws.team.manager, customerId);
    expect(list.pains).toEqual([
      { category: 'brand', need: '让买家信任' },
      { category: 'performance', need: '业绩翻番' },
      { category: 'market_size', need: '打开中东市场' },
    ]);
    expect(list.items.map((i) => [i.name, i.painsAnswered, i.features.map((f) => f.name)])).toEqual([
      ['金品诚企', 2, ['实力商家认证', '数据管家']],
      ['出口通', 1, ['海外买家询盘']],
    ]);
    for (const who of [ws.team.otherLead, ws.foreign.manager]) {
      await expectAppError(getPitchList(ws.deps, who, customerId), 'NOT_FOUND');
    }
  });
});
