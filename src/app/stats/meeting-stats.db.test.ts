import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import type { Principal } from '../context.js';
import { createCustomer } from '../customers/create-customer.js';
import { createDeal } from '../deals/create-deal.js';
import { createVisit } from '../visits/create-visit.js';
import { getMeetingStats } from './get-meeting-stats.js';

describe.each(engines)('meeting-close statistics on $name', (engine) => {
  const ws = withWorkspace(engine);

  /** A customer with visits (date or [date, status]) and signed deals. */
  async function customer(
    owner: Principal,
    name: string,
    cls: 'A' | 'B' | 'C' | 'new',
    visits: (string | [string, 'planned' | 'done' | 'cancelled'])[],
    signed: string[],
  ): Promise<void> {
    const c = await createCustomer(ws.deps, owner, { name, class: cls });
    for (const v of visits) {
      const [visitOn, status] = typeof v === 'string' ? [v, 'done' as const] : v;
      await createVisit(ws.deps, owner, { customerId: c.id, visitOn, status });
    }
    for (const signedOn of signed)
      await createDeal(ws.deps, owner, { customerId: c.id, amountMinor: 1_000_000, signedOn });
  }

  it('counts each customer once by its first signing in the range, with done visits up to that day', async () => {
    // Closed at the 1st meeting: one visit before signing; a later visit does not count.
    await customer(ws.team.lead, 'one', 'A', ['2026-02-02', '2026-02-20'], ['2026-02-03']);
    // No logged visit at all: counted as the 1st meeting.
    await customer(ws.team.lead, 'none', 'A', [], ['2026-02-10']);
    // A cancelled and a planned visit are not meetings held: still the 1st.
    await customer(
      ws.team.lead,
      'cancelled',
      'B',
      [['2026-02-01', 'cancelled'], ['2026-02-02', 'planned'], '2026-02-03'],
      ['2026-02-04'],
    );
    // Second meeting, signed on the day of the second visit.
    await customer(ws.team.lead, 'two', 'B', ['2026-02-01', '2026-02-08'], ['2026-02-08']);
    // Third meeting; a second deal later does not move its first signing.
    await customer(
      ws.team.otherLead,
      'three',
      'C',
      ['2026-01-20', '2026-01-27', '2026-02-03'],
      ['2026-02-05', '2026-04-01'],
    );
    // Fourth meeting counts as 3rd+.
    await customer(
      ws.team.otherLead,
      'four',
      'C',
      ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26'],
      ['2026-01-30'],
    );
    // Outside the range: first signed in 2025, and a deal without a signing date.
    await customer(ws.team.lead, 'old', 'A', ['2025-12-01'], ['2025-12-02', '2026-02-01']);
    const open = await createCustomer(ws.deps, ws.team.lead, { name: 'open' });
    await createDeal(ws.deps, ws.team.lead, { customerId: open.id, amountMinor: 1_000_000 });

    const all = await getMeetingStats(ws.deps, ws.team.manager, { from: '2026-01-01', to: '2026-03-31' });
    expect(all).toMatchObject({
      from: '2026-01-01',
      to: '2026-03-31',
      groupBy: 'none',
      targets: { firstMinBp: 6500, secondMaxBp: 2500, thirdPlusMaxBp: 1000 },
      rows: [],
    });
    expect(all.total).toEqual({
      key: null,
      label: null,
      won: 6,
      first: 3,
      second: 1,
      thirdPlus: 2,
      shares: { firstBp: 5000, secondBp: 1667, thirdPlusBp: 3333 },
      flags: { firstBelowTarget: true, secondAboveTarget: false, thirdPlusAboveTarget: true },
    });

    const byMember = await getMeetingStats(ws.deps, ws.team.manager, {
      from: '2026-01-01',
      to: '2026-03-31',
      groupBy: 'member',
    });
    expect(byMember.rows.map((r) => [r.key, r.label, r.won, r.first, r.second, r.thirdPlus])).toEqual([
      [ws.team.lead.membershipId, '王磊', 4, 3, 1, 0],
      [ws.team.otherLead.membershipId, '赵强', 2, 0, 0, 2],
    ]);
    expect(byMember.rows[0]?.shares).toEqual({ firstBp: 7500, secondBp: 2500, thirdPlusBp: 0 });
    expect(byMember.rows[0]?.flags).toEqual({
      firstBelowTarget: false,
      secondAboveTarget: false,
      thirdPlusAboveTarget: false,
    });

    const byClass = await getMeetingStats(ws.deps, ws.team.manager, {
      from: '2026-01-01',
      to: '2026-03-31',
      groupBy: 'class',
    });
    expect(byClass.rows.map((r) => [r.key, r.won, r.first, r.second, r.thirdPlus])).toEqual([
      ['A', 2, 2, 0, 0],
      ['B', 2, 1, 1, 0],
      ['C', 2, 0, 0, 2],
    ]);

    // February only drops "four" (signed in January); a lead sees only their own customers.
    const feb = await getMeetingStats(ws.deps, ws.team.lead, { from: '2026-02-01', to: '2026-02-28' });
    expect([feb.total.won, feb.total.first, feb.total.second, feb.total.thirdPlus]).toEqual([4, 3, 1, 0]);
    const market = await getMeetingStats(ws.deps, ws.team.otherLead, {
      from: '2026-01-01',
      to: '2026-03-31',
      groupBy: 'market',
    });
    expect(market.rows.map((r) => [r.key, r.label, r.won])).toEqual([[null, null, 2]]);
    await expect(
      getMeetingStats(ws.deps, ws.team.lead, { from: '2026-03-01', to: '2026-02-01' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION.FAILED',
    });
  });
});
