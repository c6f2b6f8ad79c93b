import { describe, expect, it } from 'vitest';
import { storedRow } from '../../../test/factories.js';
import { expectAppError, rejectedFields } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { allPages, expectStaleUpdate } from '../../../test/harness/records.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createMarket } from './create-market.js';
import { deleteMarket } from './delete-market.js';
import { getMarket } from './get-market.js';
import { listMarkets } from './list-markets.js';
import { updateMarket } from './update-market.js';

describe.each(engines)('markets on $name', (engine) => {
  const ws = withWorkspace(engine, { foreign: true });

  it('lets a manager create, update and delete, any member read, storing the share as basis points', async () => {
    const m = await createMarket(ws.deps, ws.team.manager, {
      name: '绍兴',
      cities: ['柯桥', '诸暨'],
      sharePercent: 12.34,
    });
    expect(m).toMatchObject({ name: '绍兴', cities: ['柯桥', '诸暨'], sharePercent: 12.34, version: 1 });
    expect((await storedRow(ws.db, 'markets', m.id)).share_bp).toBe(1234);
    expect(await getMarket(ws.deps, ws.team.assistant, m.id)).toEqual(m);
    const u = await updateMarket(ws.deps, ws.team.manager, m.id, {
      version: 1,
      sharePercent: 0.01,
      cities: [],
    });
    expect(u).toMatchObject({ sharePercent: 0.01, cities: [], name: '绍兴', version: 2 });
    await deleteMarket(ws.deps, ws.team.manager, m.id);
    await expectAppError(getMarket(ws.deps, ws.team.lead, m.id), 'NOT_FOUND');
    expect((await ws.audit(m.id)).map((a) => [a.entity, a.action])).toEqual([
      ['market', 'create'],
      ['market', 'update'],
      ['market', 'delete'],
    ]);
  });

  it('forbids writes to non-managers and hides other workspaces', async () => {
    for (const who of [ws.team.lead, ws.team.assistant]) {
      await expectAppError(createMarket(ws.deps, who, { name: 'x', sharePercent: 1 }), 'AUTH.FORBIDDEN');
      await expectAppError(
        updateMarket(ws.deps, who, ws.team.marketId, { version: 1, name: 'x' }),
        'AUTH.FORBIDDEN',
      );
      await expectAppError(deleteMarket(ws.deps, who, ws.team.marketId), 'AUTH.FORBIDDEN');
    }
    await expectAppError(getMarket(ws.deps, ws.foreign.manager, ws.team.marketId), 'NOT_FOUND');
    await expectAppError(
      updateMarket(ws.deps, ws.foreign.manager, ws.team.marketId, { version: 1, name: 'x' }),
      'NOT_FOUND',
    );
    await expectAppError(deleteMarket(ws.deps, ws.foreign.manager, ws.team.marketId), 'NOT_FOUND');
    expect((await listMarkets(ws.deps, ws.foreign.lead, {})).items.map((m) => m.id)).toEqual([
      ws.foreign.marketId,
    ]);
    expect((await getMarket(ws.deps, ws.team.lead, ws.team.marketId)).name).toBe('杭州主城+萧山');
  });

  it('answers a duplicate name with VALIDATION.FAILED on name, through the unique constraint', async () => {
    expect(
      await rejectedFields(
        createMarket(ws.deps, ws.team.manager, { name: '杭州主城+萧山', sharePercent: 10 }),
      ),
    ).toEqual(['name']);
    const m = await createMarket(ws.deps, ws.team.manager, { name: '绍兴', sharePercent: 10 });
    expect(
      await rejectedFields(
        updateMarket(ws.deps, ws.team.manager, m.id, { version: 1, name: '杭州主城+萧山' }),
      ),
    ).toEqual(['name']);
    expect(await getMarket(ws.deps, ws.team.manager, m.id)).toMatchObject({ name: '绍兴', version: 1 });
    // The same name in another workspace is fine.
    expect((await createMarket(ws.deps, ws.foreign.manager, { name: '绍兴', sharePercent: 10 })).name).toBe(
      '绍兴',
    );
    expect(await ws.audit(m.id)).toHaveLength(1);
  });

  it('answers CONFLICT.STALE to a stale version and writes nothing', async () => {
    await updateMarket(ws.deps, ws.team.manager, ws.team.marketId, { version: 1, sharePercent: 60 });
    // The seeded market has no audit entry of its own: the one entry is the first update's.
    await expectStaleUpdate(
      ws,
      updateMarket(ws.deps, ws.team.manager, ws.team.marketId, { version: 1, sharePercent: 70 }),
      () => getMarket(ws.deps, ws.team.lead, ws.team.marketId),
      { sharePercent: 60, version: 2 },
      1,
    );
  });

  it('rejects unknown fields and shares out of range or too precise', async () => {
    for (const body of [
      { name: 'x', sharePercent: 1, workspaceId: 'w' },
      { name: 'x', sharePercent: -0.01 },
      { name: 'x', sharePercent: 100.01 },
      { name: 'x', sharePercent: 12.345 },
    ]) {
      await expectAppError(createMarket(ws.deps, ws.team.manager, body), 'VALIDATION.FAILED');
    }
    expect(
      (await createMarket(ws.deps, ws.team.manager, { name: 'edge', sharePercent: 100 })).sharePercent,
    ).toBe(100);
    await expectAppError(listMarkets(ws.deps, ws.team.lead, { cursor: '!' }), 'VALIDATION.FAILED');
  });

  it('pages through every market exactly once', async () => {
    for (let i = 0; i < 11; i++)
      await createMarket(ws.deps, ws.team.manager, { name: `市场${i}`, sharePercent: i });
    const seen = (await allPages((page) => listMarkets(ws.deps, ws.team.lead, page), 3)).map((m) => m.id);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });
});
