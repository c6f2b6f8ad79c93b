import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countObjections, type ObjectionFact, replyEffectiveness } from './close-stats.js';

const fact = (over: Partial<ObjectionFact>): ObjectionFact => ({
  customerId: 'c1',
  attemptedOn: '2026-03-03',
  objectionKey: 'price',
  replyId: null,
  replyText: null,
  group: '',
  ...over,
});

describe('objection counts', () => {
  it('counts by key within each group with shares that add up to 100 %', () => {
    const facts = [
      fact({ group: 'A', objectionKey: 'price' }),
      fact({ group: 'A', objectionKey: 'price' }),
      fact({ group: 'A', objectionKey: 'team' }),
      fact({ group: 'B', objectionKey: 'no_money' }),
    ];
    expect(countObjections(facts)).toEqual([
      {
        group: 'A',
        total: 3,
        items: [
          { key: 'price', count: 2, shareBp: 6667 },
          { key: 'team', count: 1, shareBp: 3333 },
        ],
      },
      { group: 'B', total: 1, items: [{ key: 'no_money', count: 1, shareBp: 10_000 }] },
    ]);
    expect(countObjections([])).toEqual([]);
  });

  it('always gives shares summing to 10 000 per group', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { minLength: 1, maxLength: 40 }),
        (keys) => {
          const [group] = countObjections(keys.map((k) => fact({ objectionKey: k })));
          expect(group?.items.reduce((n, i) => n + i.shareBp, 0)).toBe(10_000);
          expect(group?.total).toBe(keys.length);
        },
      ),
    );
  });
});

describe('reply effectiveness', () => {
  it('counts the uses followed by a signature on or after the attempt, per objection and reply', () => {
    const facts = [
      fact({ customerId: 'c1', attemptedOn: '2026-03-03', replyId: 'price.fair' }),
      fact({ customerId: 'c2', attemptedOn: '2026-03-03', replyId: 'price.fair' }),
      fact({ customerId: 'c3', attemptedOn: '2026-03-10', replyId: 'price.fair' }),
      fact({ customerId: 'c1', attemptedOn: '2026-03-03', replyId: 'price.value' }),
      fact({
        customerId: 'c2',
        attemptedOn: '2026-03-04',
        objectionKey: 'team',
        replyText: ' 我们帮您招人 ',
      }),
      fact({ customerId: 'c2', attemptedOn: '2026-03-04', objectionKey: 'team' }),
    ];
    const signed = new Map([
      ['c1', ['2026-03-03']],
      ['c3', ['2026-03-09']],
      ['c2', ['2026-03-05']],
    ]);
    expect(replyEffectiveness(facts, signed)).toEqual([
      {
        objectionKey: 'price',
        replyId: 'price.fair',
        replyText: null,
        uses: 3,
        signedAfter: 2,
        rateBp: 6667,
      },
      {
        objectionKey: 'price',
        replyId: 'price.value',
        replyText: null,
        uses: 1,
        signedAfter: 1,
        rateBp: 10_000,
      },
      {
        objectionKey: 'team',
        replyId: null,
        replyText: '我们帮您招人',
        uses: 1,
        signedAfter: 1,
        rateBp: 10_000,
      },
    ]);
  });
});
