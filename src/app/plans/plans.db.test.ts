import { describe, expect, it } from 'vitest';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { ARTICLE_MARKETS } from '../../../test/harness/plan-settings.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { getPlan, listPlans } from './get-plan.js';
import { savePlan } from './save-plan.js';

const PLAN = {
  target: '588万',
  year: 2026,
  markets: ARTICLE_MARKETS,
};

describe.each(engines)('plans on $name', (engine) => {
  const ws = withWorkspace(engine, { foreign: true });

  it('saves revisions and reads the latest with its exact decomposition', async () => {
    const first = await savePlan(ws.deps, ws.team.manager, PLAN);
    const second = await savePlan(ws.deps, ws.team.manager, { ...PLAN, target: '600万' });
    expect([first.revision, second.revision]).toEqual([1, 2]);

    const latest = await getPlan(ws.deps, ws.team.lead, { year: '2026' });
    expect(latest.revision).toBe(2);
    expect(latest.result.year.amount).toBe(600_000_000);
    const old = await getPlan(ws.deps, ws.team.assistant, { year: 2026, revision: 1, date: '2026-03-02' });
    expect(old.result.dimensions.markets.map((m) => m.amount)).toEqual([
      294_000_000, 235_200_000, 58_800_000,
    ]);
    expect(old.result.months.reduce((s, m) => s + m.amount, 0)).toBe(588_000_000);
    expect(old.result.today?.date).toBe('2026-03-02');
    expect((await listPlans(ws.deps, ws.team.lead)).map((p) => p.revision)).toEqual([2, 1]);
  });

  it('numbers concurrent saves without a gap or a duplicate', async () => {
    const saved = await Promise.all([1, 2, 3].map(() => savePlan(ws.deps, ws.team.manager, PLAN)));
    expect(saved.map((p) => p.revision).sort()).toEqual([1, 2, 3]);
  });

  it('keeps plans inside their workspace and lets only managers save', async () => {
    await savePlan(ws.deps, ws.team.manager, PLAN);
    await expectAppError(getPlan(ws.deps, ws.foreign.manager, { year: 2026 }), 'NOT_FOUND');
    expect(await listPlans(ws.deps, ws.foreign.manager)).toEqual([]);
    await expectAppError(savePlan(ws.deps, ws.team.lead, PLAN), 'AUTH.FORBIDDEN');
  });

  it('refuses an invalid plan with the engine’s own errors and stores nothing', async () => {
    await expectAppError(
      savePlan(ws.deps, ws.team.manager, { ...PLAN, markets: [{ name: 'a', share: 90 }] }),
      'PLAN.SHARES_NOT_100',
    );
    await expectAppError(savePlan(ws.deps, ws.team.manager, { ...PLAN, bogus: 1 }), 'PLAN.INVALID');
    expect(await listPlans(ws.deps, ws.team.manager)).toEqual([]);
  });
});
