import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differencePoints, invitationQuotas, rateBp, SEMINAR_CLASSES } from './seminars.js';

const demoMarkets = [
  { id: 'm1', name: '杭州主城+萧山', shareBp: 5000, cities: ['杭州主城', '萧山'] },
  { id: 'm2', name: '富阳/桐庐/临安', shareBp: 4000, cities: ['富阳', '桐庐', '临安'] },
  { id: 'm3', name: '海外', shareBp: 1000, cities: [] },
];

describe('invitationQuotas', () => {
  it('splits by market share, cities equally and classes by need', () => {
    const q = invitationQuotas({
      invitations: 30,
      markets: demoMarkets,
      classNeed: { A: 10, B: 24, C: 32, new: 118 },
    });
    expect(q.map((m) => m.quota)).toEqual([15, 12, 3]);
    expect(q[0]?.cities.map((c) => [c.city, c.quota])).toEqual([
      ['杭州主城', 8],
      ['萧山', 7],
    ]);
    expect(q[1]?.cities.map((c) => c.quota)).toEqual([4, 4, 4]);
    // A market without cities is one city of its own name.
    expect(q[2]?.cities.map((c) => c.city)).toEqual(['海外']);
    // 8 × (10, 24, 32, 118)/184 = 0.43, 1.04, 1.39, 5.13: floors 0, 1, 1, 5 and the one
    // left goes to the largest remainder (A's .43).
    expect(q[0]?.cities[0]?.classes).toEqual({ A: 1, B: 1, C: 1, new: 5 });
  });

  it('splits equally when every share or every need is 0, and gives nothing without markets', () => {
    const q = invitationQuotas({
      invitations: 7,
      markets: [
        { id: 'a', name: 'a', shareBp: 0, cities: ['x'] },
        { id: 'b', name: 'b', shareBp: 0, cities: ['y'] },
      ],
      classNeed: { A: 0, B: 0, C: 0, new: 0 },
    });
    expect(q.map((m) => m.quota)).toEqual([4, 3]);
    expect(q[0]?.cities[0]?.classes).toEqual({ A: 1, B: 1, C: 1, new: 1 });
    expect(
      invitationQuotas({ invitations: 5, markets: [], classNeed: { A: 1, B: 0, C: 0, new: 0 } }),
    ).toEqual([]);
  });

  const marketArb = fc.array(
    fc.record({
      id: fc.uuid(),
      name: fc.string({ minLength: 1, maxLength: 5 }),
      shareBp: fc.integer({ min: 0, max: 10_000 }),
      cities: fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 6 },
  );
  const needArb = fc.record({
    A: fc.integer({ min: 0, max: 500 }),
    B: fc.integer({ min: 0, max: 500 }),
    C: fc.integer({ min: 0, max: 500 }),
    new: fc.integer({ min: 0, max: 500 }),
  });
  type Markets = typeof marketArb extends fc.Arbitrary<infer M> ? M : never;
  /** Checks `property` of the quotas for any invitations, markets and class needs. */
  const forAllQuotas = (
    property: (q: ReturnType<typeof invitationQuotas>, invitations: number, markets: Markets) => void,
  ) =>
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), marketArb, needArb, (invitations, markets, classNeed) =>
        property(invitationQuotas({ invitations, markets, classNeed }), invitations, markets),
      ),
    );

  it('always adds up exactly at every level, with no negative part', () => {
    forAllQuotas((q, invitations) => {
      expect(q.reduce((n, m) => n + m.quota, 0)).toBe(invitations);
      for (const m of q) {
        expect(m.cities.reduce((n, c) => n + c.quota, 0)).toBe(m.quota);
        for (const c of m.cities) {
          const parts = SEMINAR_CLASSES.map((k) => c.classes[k]);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(c.quota);
          expect(parts.every((p) => p >= 0)).toBe(true);
        }
      }
    });
  });

  it('follows the shares: each market within one invitation of its exact share, cities within one of each other', () => {
    forAllQuotas((q, invitations, markets) => {
      const total = markets.reduce((n, m) => n + m.shareBp, 0);
      fc.pre(total > 0);
      q.forEach((m, i) => {
        const exact = (invitations * (markets[i]?.shareBp ?? 0)) / total;
        expect(Math.abs(m.quota - exact)).toBeLessThan(1);
        const quotas = m.cities.map((c) => c.quota);
        expect(Math.max(...quotas) - Math.min(...quotas)).toBeLessThanOrEqual(1);
      });
    });
  });

  it('gives a class with no need nothing while another class needs customers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), marketArb, needArb, (invitations, markets, need) => {
        const classNeed = { ...need, A: 0, new: need.new + 1 };
        for (const m of invitationQuotas({ invitations, markets, classNeed }))
          for (const c of m.cities) expect(c.classes.A).toBe(0);
      }),
    );
  });
});

describe('rates', () => {
  it.each([
    [1, 3, 3333],
    [2, 3, 6667],
    [1, 8, 1250],
    [0, 5, 0],
    [5, 5, 10_000],
    [1, 0, null],
  ])('%i of %i is %s bp', (part, whole, bp) => {
    expect(rateBp(part, whole)).toBe(bp);
  });
  it('differences are in percentage points', () => {
    expect(differencePoints(4000, 2500)).toBe(15);
    expect(differencePoints(3333, 5000)).toBe(-16.67);
    expect(differencePoints(null, 5000)).toBeNull();
  });
});
