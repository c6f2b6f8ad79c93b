import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildPitchList,
  currentPains,
  DEFAULT_DISCOVERY_CHAIN,
  discoveryChainInput,
  PAIN_CATEGORIES,
  PAIN_CATEGORY_KEYS,
  type Pain,
  unknownQuestionIds,
} from './discovery.js';

const products = [
  { id: 'p1', name: '出口通', features: [{ name: '海外买家询盘', pains: ['user_count', 'market_size'] }] },
  {
    id: 'p2',
    name: '金品诚企',
    features: [
      { name: '实力商家认证', pains: ['brand'] },
      { name: '数据管家', pains: ['业绩'] },
    ],
  },
  { id: 'p3', name: '网销宝', features: [{ name: '关键词推广', pains: ['Performance', 'trade_form'] }] },
  { id: 'p4', name: '旺铺', features: [{ name: '装修', pains: ['other-thing'] }] },
];

describe('discovery chain', () => {
  it('ships four linked questions in both languages and names the six pain categories', () => {
    expect(DEFAULT_DISCOVERY_CHAIN.version).toBe(0);
    expect(DEFAULT_DISCOVERY_CHAIN.questions.map((q) => q.id)).toEqual([
      'situation',
      'dissatisfaction',
      'cause_impact',
      'value',
    ]);
    for (const q of DEFAULT_DISCOVERY_CHAIN.questions) {
      expect(q.zh.length).toBeGreaterThan(5);
      expect(q.en.length).toBeGreaterThan(5);
    }
    const second = DEFAULT_DISCOVERY_CHAIN.questions[1];
    for (const word of ['业绩', '用户数量', '市场规模', '品牌', '团队', '贸易形式'])
      expect(second?.zh).toContain(word);
    expect(PAIN_CATEGORY_KEYS).toEqual([
      'performance',
      'user_count',
      'market_size',
      'brand',
      'team',
      'trade_form',
      'other',
    ]);
    expect(PAIN_CATEGORIES.every((c) => c.zh && c.en)).toBe(true);
  });

  it('accepts 1–10 questions with unique ids and refuses the rest', () => {
    const q = (id: string) => ({ id, zh: '问题', en: 'question' });
    expect(discoveryChainInput.safeParse({ questions: [q('a')] }).success).toBe(true);
    expect(discoveryChainInput.safeParse({ questions: [] }).success).toBe(false);
    expect(
      discoveryChainInput.safeParse({ questions: Array.from({ length: 11 }, (_, i) => q(`q${i}`)) }).success,
    ).toBe(false);
    const twice = discoveryChainInput.safeParse({ questions: [q('a'), q('b'), q('a')] });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues.map((i) => i.path)).toEqual([['questions', 2, 'id']]);
    expect(discoveryChainInput.safeParse({ questions: [{ ...q('A b'), hint: 'x' }] }).success).toBe(false);
  });

  it('names the answers whose question is not in the chain', () => {
    expect(
      unknownQuestionIds(DEFAULT_DISCOVERY_CHAIN, [
        { questionId: 'situation' },
        { questionId: 'budget' },
        { questionId: 'value' },
      ]),
    ).toEqual([{ index: 1, questionId: 'budget' }]);
  });
});

describe('pitch list', () => {
  it('ranks products by the pains they answer, with the matching features and needs', () => {
    const pains: Pain[] = [
      { category: 'performance', need: '今年业绩翻番' },
      { category: 'brand', need: '让海外买家信任' },
      { category: 'market_size', need: '打开中东市场' },
    ];
    expect(buildPitchList(pains, products)).toEqual([
      {
        productId: 'p2',
        name: '金品诚企',
        painsAnswered: 2,
        features: [
          { name: '实力商家认证', answers: [pains[1]] },
          { name: '数据管家', answers: [pains[0]] },
        ],
      },
      {
        productId: 'p1',
        name: '出口通',
        painsAnswered: 1,
        features: [{ name: '海外买家询盘', answers: [pains[2]] }],
      },
      {
        productId: 'p3',
        name: '网销宝',
        painsAnswered: 1,
        features: [{ name: '关键词推广', answers: [pains[0]] }],
      },
    ]);
    expect(buildPitchList([], products)).toEqual([]);
  });

  it('is ordered by pains answered and never counts more pains than the customer has', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ category: fc.constantFrom(...PAIN_CATEGORY_KEYS), need: fc.string() }), {
          maxLength: 7,
        }),
        (pains) => {
          const list = buildPitchList(pains, products);
          for (let i = 1; i < list.length; i++) {
            expect((list[i - 1]?.painsAnswered ?? 0) >= (list[i]?.painsAnswered ?? 0)).toBe(true);
          }
          for (const item of list) {
            expect(item.painsAnswered).toBeGreaterThan(0);
            expect(item.painsAnswered).toBeLessThanOrEqual(pains.length);
          }
        },
      ),
    );
  });

  it('keeps the newest pain of each category', () => {
    expect(
      currentPains([
        { pains: [{ category: 'brand', need: 'new' }] },
        {
          pains: [
            { category: 'brand', need: 'old' },
            { category: 'team', need: 'people' },
          ],
        },
      ]),
    ).toEqual([
      { category: 'brand', need: 'new' },
      { category: 'team', need: 'people' },
    ]);
  });
});
