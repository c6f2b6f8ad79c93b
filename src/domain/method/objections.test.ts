import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_OBJECTION_KEYS,
  CHAIRMAN_GOAL,
  type CloseAttemptFacts,
  checkCloseAttempt,
  closeAttemptEffects,
  DEFAULT_OBJECTIONS,
  mergeCatalog,
  type StoredObjection,
} from './objections.js';

const catalog = mergeCatalog([]);
const paths = (facts: CloseAttemptFacts) => checkCloseAttempt(facts, catalog).map((p) => p.path);
const on = '2026-03-03';

/** A workspace's stored entry: no replies, not archived, version 1 unless the test says so. */
const stored = (
  entry: Pick<StoredObjection, 'key' | 'kind' | 'labelZh' | 'labelEn'> & Partial<StoredObjection>,
): StoredObjection => ({ replies: [], archived: false, version: 1, ...entry });

describe('objection catalog', () => {
  it('has the four objections and three stalls, each with at least two replies with unique ids', () => {
    expect(DEFAULT_OBJECTIONS.map((o) => [o.key, o.kind])).toEqual([
      ['strategy', 'objection'],
      ['tactics', 'objection'],
      ['team', 'objection'],
      ['price', 'objection'],
      ['think_about_it', 'stall'],
      ['no_money', 'stall'],
      ['ask_chairman', 'stall'],
    ]);
    expect(DEFAULT_OBJECTIONS.map((o) => o.key)).toEqual([...BUILT_IN_OBJECTION_KEYS]);
    const ids = DEFAULT_OBJECTIONS.flatMap((o) => o.replies.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of DEFAULT_OBJECTIONS) {
      expect(o.replies.length).toBeGreaterThanOrEqual(2);
      expect(o.replies.every((r) => r.id.startsWith(`${o.key}.`) && r.zh && r.en)).toBe(true);
    }
    const reply = (key: string, id: string) =>
      DEFAULT_OBJECTIONS.find((o) => o.key === key)?.replies.find((r) => r.id === id)?.en;
    expect(reply('price', 'price.fair')).toBe('What would you consider fair? I can give you a discount.');
    expect(reply('think_about_it', 'think_about_it.concern')).toContain('What concerns you?');
    expect(reply('no_money', 'no_money.when')).toBe('When will the funds arrive?');
    expect(reply('ask_chairman', 'ask_chairman.four_questions')?.split('?')).toHaveLength(5);
  });

  it('lets a workspace row replace a built-in entry (keeping its kind) and add custom keys', () => {
    const merged = mergeCatalog([
      stored({ key: 'price', kind: 'stall', labelZh: '价格', labelEn: 'Price', archived: true, version: 3 }),
      stored({ key: 'competitor', kind: 'objection', labelZh: '竞品', labelEn: 'Competitor' }),
    ]);
    expect(merged.map((e) => e.key)).toEqual([...BUILT_IN_OBJECTION_KEYS, 'competitor']);
    expect(merged.find((e) => e.key === 'price')).toMatchObject({
      kind: 'objection',
      labelEn: 'Price',
      replies: [],
      archived: true,
      builtIn: true,
      version: 3,
    });
    expect(merged.find((e) => e.key === 'team')).toMatchObject({ builtIn: true, version: null });
    expect(merged.at(-1)).toMatchObject({ key: 'competitor', builtIn: false, version: 1 });
  });
});

describe('close attempt rules', () => {
  it.each<[string, CloseAttemptFacts, string[]]>([
    ['a plain signature', { result: 'signed', attemptedOn: on }, []],
    [
      'a signature with an objection',
      { result: 'signed', attemptedOn: on, objectionKey: 'price' },
      ['objectionKey'],
    ],
    ['a signature with a reply', { result: 'signed', attemptedOn: on, replyId: 'price.fair' }, ['replyId']],
    ['an objection without a key', { result: 'objection', attemptedOn: on }, ['objectionKey']],
    [
      'an objection with its reply',
      { result: 'objection', attemptedOn: on, objectionKey: 'price', replyId: 'price.value' },
      [],
    ],
    [
      'a stall named as an objection',
      { result: 'objection', attemptedOn: on, objectionKey: 'no_money', fundsOn: on },
      ['objectionKey'],
    ],
    [
      'an objection named as a stall',
      { result: 'stall', attemptedOn: on, objectionKey: 'team' },
      ['objectionKey'],
    ],
    ['an unknown key', { result: 'stall', attemptedOn: on, objectionKey: 'weather' }, ['objectionKey']],
    [
      'a reply of another entry',
      { result: 'objection', attemptedOn: on, objectionKey: 'price', replyId: 'team.support' },
      ['replyId'],
    ],
    [
      'think_about_it without the concern',
      { result: 'stall', attemptedOn: on, objectionKey: 'think_about_it', concern: '  ' },
      ['concern'],
    ],
    [
      'think_about_it with the concern',
      { result: 'stall', attemptedOn: on, objectionKey: 'think_about_it', concern: '效果' },
      [],
    ],
    [
      'no_money without the date',
      { result: 'stall', attemptedOn: on, objectionKey: 'no_money' },
      ['fundsOn'],
    ],
    [
      'no_money with the date',
      { result: 'stall', attemptedOn: on, objectionKey: 'no_money', fundsOn: '2026-03-20' },
      [],
    ],
    [
      'ask_chairman',
      {
        result: 'stall',
        attemptedOn: on,
        objectionKey: 'ask_chairman',
        replyId: 'ask_chairman.four_questions',
      },
      [],
    ],
  ])('%s', (_, facts, expected) => {
    expect(paths(facts)).toEqual(expected);
  });

  it('refuses an archived entry and speaks both languages', () => {
    const archived = mergeCatalog([
      stored({
        key: 'team',
        kind: 'objection',
        labelZh: '团队',
        labelEn: 'Team',
        archived: true,
        version: 2,
      }),
    ]);
    const problems = checkCloseAttempt(
      { result: 'objection', attemptedOn: on, objectionKey: 'team' },
      archived,
    );
    expect(problems.map((p) => p.path)).toEqual(['objectionKey']);
    expect(problems[0]?.messageZh).toContain('团队');
  });

  it('creates a deal only with a signature, and not beside the deal already named', () => {
    const deal = { amountMinor: 100 };
    expect(paths({ result: 'signed', attemptedOn: on, deal })).toEqual([]);
    expect(paths({ result: 'signed', attemptedOn: on, dealId: 'd1' })).toEqual([]);
    expect(paths({ result: 'signed', attemptedOn: on, deal, dealId: 'd1' })).toEqual(['deal']);
    expect(paths({ result: 'objection', attemptedOn: on, objectionKey: 'price', deal })).toEqual(['deal']);
    // The deal's problem comes with the stall's own.
    expect(paths({ result: 'stall', attemptedOn: on, objectionKey: 'no_money', deal })).toEqual([
      'deal',
      'fundsOn',
    ]);
  });
});

describe('close attempt effects', () => {
  it('no money: a funds follow-up on the funds date and the expected funds date', () => {
    expect(
      closeAttemptEffects(
        { result: 'stall', attemptedOn: on, objectionKey: 'no_money', fundsOn: '2026-03-20' },
        'zh',
      ),
    ).toEqual({
      followUps: [{ kind: 'funds', dueOn: '2026-03-20', notes: '资金到账日：再次逼单' }],
      nextVisit: null,
      expectedFundsOn: '2026-03-20',
    });
  });

  it('think about it: a concern follow-up two days later carrying the concern', () => {
    expect(
      closeAttemptEffects(
        {
          result: 'stall',
          attemptedOn: '2026-02-27',
          objectionKey: 'think_about_it',
          concern: '担心没有询盘',
        },
        'en',
      ),
    ).toEqual({
      followUps: [{ kind: 'concern', dueOn: '2026-03-01', notes: '担心没有询盘' }],
      nextVisit: null,
      expectedFundsOn: null,
    });
  });

  it('ask the chairman: a next-visit plan with the default goal and a follow-up a week later', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(
        closeAttemptEffects({ result: 'stall', attemptedOn: on, objectionKey: 'ask_chairman' }, lang),
      ).toEqual({
        followUps: [{ kind: 'next_visit', dueOn: '2026-03-10', notes: CHAIRMAN_GOAL[lang] }],
        nextVisit: { goal: CHAIRMAN_GOAL[lang], meetWhom: [], bring: null, plannedOn: null },
        expectedFundsOn: null,
      });
    }
    expect(
      closeAttemptEffects(
        {
          result: 'stall',
          attemptedOn: on,
          objectionKey: 'ask_chairman',
          nextVisit: { goal: '见董事长', meetWhom: ['陈董'], bring: '案例', plannedOn: '2026-03-05' },
        },
        'zh',
      ),
    ).toEqual({
      followUps: [{ kind: 'next_visit', dueOn: '2026-03-05', notes: '见董事长' }],
      nextVisit: { goal: '见董事长', meetWhom: ['陈董'], bring: '案例', plannedOn: '2026-03-05' },
      expectedFundsOn: null,
    });
  });

  it('an objection creates nothing unless a next visit is given; a signature never', () => {
    expect(
      closeAttemptEffects({ result: 'objection', attemptedOn: on, objectionKey: 'price' }, 'zh'),
    ).toEqual({
      followUps: [],
      nextVisit: null,
      expectedFundsOn: null,
    });
    expect(
      closeAttemptEffects(
        { result: 'objection', attemptedOn: on, objectionKey: 'price', nextVisit: { goal: '算清价值' } },
        'zh',
      ).followUps,
    ).toEqual([{ kind: 'next_visit', dueOn: '2026-03-10', notes: '算清价值' }]);
    expect(
      closeAttemptEffects({ result: 'signed', attemptedOn: on, nextVisit: { goal: 'x' } }, 'zh').followUps,
    ).toEqual([]);
  });
});
