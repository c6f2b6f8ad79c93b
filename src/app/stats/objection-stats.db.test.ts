import { uuidv7 } from 'uuidv7';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Team } from '../../../test/factories.js';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createCloseAttempt } from '../close-attempts/create-close-attempt.js';
import { createCustomer } from '../customers/create-customer.js';
import { createDeal } from '../deals/create-deal.js';
import { getObjectionStats } from './objection-stats.js';

describe.each(engines)('objection analytics on $name', (engine) => {
  const ws = withWorkspace(engine);
  let m2: string;

  beforeEach(async () => {
    m2 = uuidv7();
    await ws.db
      .insertInto('markets')
      .values({
        id: m2,
        workspace_id: ws.team.workspaceId,
        name: '富阳/桐庐/临安',
        share_bp: 4000,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    const c1 = (
      await createCustomer(ws.deps, ws.team.lead, { name: 'c1', class: 'A', marketId: ws.team.marketId })
    ).id;
    const c2 = (await createCustomer(ws.deps, ws.team.lead, { name: 'c2', class: 'B', marketId: m2 })).id;
    const c3 = (
      await createCustomer(ws.deps, ws.team.otherLead, {
        name: 'c3',
        class: 'new',
        marketId: ws.team.marketId,
      })
    ).id;
    const attempt = (who: Team['lead'], body: Record<string, unknown>) =>
      createCloseAttempt(ws.deps, who, body);
    await attempt(ws.team.lead, {
      customerId: c1,
      attemptedOn: '2026-03-02',
      result: 'objection',
      objectionKey: 'price',
      replyId: 'price.fair',
    });
    await attempt(ws.team.lead, {
      customerId: c1,
      attemptedOn: '2026-03-05',
      result: 'stall',
      objectionKey: 'think_about_it',
      concern: '效果',
      replyId: 'think_about_it.concern',
    });
    await attempt(ws.team.lead, { customerId: c1, attemptedOn: '2026-03-09', result: 'signed' });
    await attempt(ws.team.lead, {
      customerId: c2,
      attemptedOn: '2026-03-03',
      result: 'objection',
      objectionKey: 'price',
      replyId: 'price.fair',
    });
    await attempt(ws.team.lead, {
      customerId: c2,
      attemptedOn: '2026-03-04',
      result: 'stall',
      objectionKey: 'no_money',
      fundsOn: '2026-03-20',
      replyId: 'no_money.when',
    });
    // c2 signed a deal the day of the price objection, before the "no money" stall.
    await createDeal(ws.deps, ws.team.lead, {
      customerId: c2,
      amountMinor: 2_980_000,
      signedOn: '2026-03-03',
    });
    await attempt(ws.team.otherLead, {
      customerId: c3,
      attemptedOn: '2026-03-06',
      result: 'objection',
      objectionKey: 'price',
      replyText: '送一个月',
    });
    await attempt(ws.team.otherLead, {
      customerId: c3,
      attemptedOn: '2026-02-20',
      result: 'objection',
      objectionKey: 'team',
    });
  });

  const march = { from: '2026-03-01', to: '2026-03-31' };
  const counts = (s: Awaited<ReturnType<typeof getObjectionStats>>) =>
    s.groups.map((g) => [g.label, g.total, g.items.map((i) => [i.key, i.count, i.shareBp])]);

  it('counts objections by key with their shares, over the whole team', async () => {
    const s = await getObjectionStats(ws.deps, ws.team.manager, march);
    expect(s.total).toBe(5);
    expect(counts(s)).toEqual([
      [
        null,
        5,
        [
          ['price', 3, 6000],
          ['no_money', 1, 2000],
          ['think_about_it', 1, 2000],
        ],
      ],
    ]);
    expect(s.groups[0]?.items[0]).toMatchObject({
      labelZh: '价格：没有预算 / 太贵了',
      labelEn: 'Price: no budget / too expensive',
    });
    expect((await getObjectionStats(ws.deps, ws.team.manager, { from: '2026-02-01' })).total).toBe(6);
  });

  it('splits by market, class and member', async () => {
    expect(
      counts(await getObjectionStats(ws.deps, ws.team.manager, { ...march, groupBy: 'market' })),
    ).toEqual([
      [
        '杭州主城+萧山',
        3,
        [
          ['price', 2, 6667],
          ['think_about_it', 1, 3333],
        ],
      ],
      [
        '富阳/桐庐/临安',
        2,
        [
          ['no_money', 1, 5000],
          ['price', 1, 5000],
        ],
      ],
    ]);
    expect(
      (await getObjectionStats(ws.deps, ws.team.manager, { ...march, groupBy: 'class' })).groups.map((g) => [
        g.group,
        g.total,
      ]),
    ).toEqual([
      ['A', 2],
      ['B', 2],
      ['new', 1],
    ]);
    const byMember = await getObjectionStats(ws.deps, ws.team.manager, { ...march, groupBy: 'member' });
    expect(byMember.groups.map((g) => [g.group, g.label, g.total])).toEqual([
      [ws.team.lead.membershipId, '王磊', 4],
      [ws.team.otherLead.membershipId, '赵强', 1],
    ]);
  });

  it('rates each reply by the signatures that followed it, on or after the attempt', async () => {
    const s = await getObjectionStats(ws.deps, ws.team.manager, march);
    expect(
      s.replies.map((r) => [r.objectionKey, r.replyId, r.replyText, r.uses, r.signedAfter, r.rateBp]),
    ).toEqual([
      ['price', 'price.fair', null, 2, 2, 10_000],
      ['no_money', 'no_money.when', null, 1, 0, 0],
      ['price', null, '送一个月', 1, 0, 0],
      ['think_about_it', 'think_about_it.concern', null, 1, 1, 10_000],
    ]);
    expect(s.replies[0]).toMatchObject({
      replyEn: 'What would you consider fair? I can give you a discount.',
    });
  });

  it("shows a lead only their team's attempts and refuses a reversed range", async () => {
    const s = await getObjectionStats(ws.deps, ws.team.lead, march);
    expect(s.total).toBe(4);
    expect(s.replies.some((r) => r.replyText === '送一个月')).toBe(false);
    await expect(
      getObjectionStats(ws.deps, ws.team.lead, { from: '2026-03-31', to: '2026-03-01' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION.FAILED',
    });
    await expect(getObjectionStats(ws.deps, ws.team.lead, { groupBy: 'city' })).rejects.toMatchObject({
      code: 'VALIDATION.FAILED',
    });
  });
});
