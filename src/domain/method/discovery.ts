/**
 * Finding the real need (method part 3): a chain of linked open questions locks down the
 * customer's pain, the pain gives the real need, and the need picks the product features
 * to present ("throwing the product", 投产品). The article's own four questions were lost
 * with its figure, so the built-in chain follows SPIN: situation → dissatisfaction (in
 * the article's pain categories) → cause and impact → what solving it is worth. Each
 * workspace may edit the chain; every edit is a new version, and visit answers name the
 * version they answer.
 */
import { z } from 'zod';

/**
 * One question of a discovery chain; `hint` is a note for the salesperson in Chinese and
 * `hintEn` the same note in English (each language shows its own, falling back to the other).
 */
export interface DiscoveryQuestion {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly hint?: string | undefined;
  readonly hintEn?: string | undefined;
}

/** A version of the chain (0 = the built-in default). */
export interface DiscoveryChain {
  readonly version: number;
  readonly questions: readonly DiscoveryQuestion[];
}

/** The built-in chain, version 0: four linked open questions. */
export const DEFAULT_DISCOVERY_CHAIN: DiscoveryChain = {
  version: 0,
  questions: [
    {
      id: 'situation',
      zh: '您现在的生意是怎么做的？主要客户在哪里、靠什么渠道拿订单？',
      en: 'How does your business run today: where are your main customers, and through which channels do orders come?',
      hint: '现状',
      hintEn: 'Situation',
    },
    {
      id: 'dissatisfaction',
      zh: '在业绩、用户数量、市场规模、品牌、团队、贸易形式这些方面，您对哪一块最不满意？',
      en: 'Of performance, number of users, market size, brand, team and trade form, which are you least satisfied with?',
      hint: '痛点范围：业绩 / 用户数量 / 市场规模 / 品牌 / 团队 / 贸易形式',
      hintEn: 'Pain categories: performance / number of users / market size / brand / team / trade form',
    },
    {
      id: 'cause_impact',
      zh: '您觉得造成这个问题的原因是什么？它已经给公司带来了哪些影响？',
      en: 'What do you think causes it, and what has it already cost the company?',
      hint: '原因与影响',
      hintEn: 'Cause and impact',
    },
    {
      id: 'value',
      zh: '如果这个问题解决了，对公司意味着什么？大概值多少？',
      en: 'If that problem were solved, what would it mean for the company, and roughly what would it be worth?',
      hint: '解决的价值 → 真实需求',
      hintEn: 'Worth of solving it → the real need',
    },
  ],
};

/** The pain categories of the method (the article's six, and "other"). */
export const PAIN_CATEGORIES = [
  { key: 'performance', zh: '业绩', en: 'Performance' },
  { key: 'user_count', zh: '用户数量', en: 'Number of users' },
  { key: 'market_size', zh: '市场规模', en: 'Market size' },
  { key: 'brand', zh: '品牌', en: 'Brand' },
  { key: 'team', zh: '团队', en: 'Team' },
  { key: 'trade_form', zh: '贸易形式', en: 'Trade form' },
  { key: 'other', zh: '其他', en: 'Other' },
] as const;

/** A pain category key. */
export type PainCategory = (typeof PAIN_CATEGORIES)[number]['key'];

/** The keys, for zod enums. */
export const PAIN_CATEGORY_KEYS = PAIN_CATEGORIES.map((c) => c.key) as [PainCategory, ...PainCategory[]];

/** A pain found at a visit and the real need behind it. */
export interface Pain {
  readonly category: PainCategory;
  readonly need: string;
}

/** Schema of one question as a manager writes it. */
export const discoveryQuestionInput = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,40}$/, { message: 'lower-case letters, digits, _ or - (1–40)' }),
  zh: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
  hint: z.string().trim().max(500).optional(),
  hintEn: z.string().trim().max(500).optional(),
});

/** Schema of a new chain: 1–10 questions with unique ids. */
export const discoveryChainInput = z.strictObject({
  questions: z
    .array(discoveryQuestionInput)
    .min(1)
    .max(10)
    .superRefine((questions, ctx) => {
      const seen = new Set<string>();
      questions.forEach((q, i) => {
        if (seen.has(q.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'id'],
            message: `the question id "${q.id}" is used twice`,
            params: { zh: `问题编号“${q.id}”重复了` },
          });
        }
        seen.add(q.id);
      });
    }),
});

/** Question ids that are answered but not in the chain, with their positions. */
export function unknownQuestionIds(
  chain: DiscoveryChain,
  answers: readonly { readonly questionId: string }[],
): { index: number; questionId: string }[] {
  const known = new Set(chain.questions.map((q) => q.id));
  return answers.flatMap((a, index) =>
    known.has(a.questionId) ? [] : [{ index, questionId: a.questionId }],
  );
}

/** What the pitch list needs of a product. */
export interface PitchProduct {
  readonly id: string;
  readonly name: string;
  readonly features: readonly { readonly name: string; readonly pains: readonly string[] }[];
}

/** One product to present, with the features that answer the customer's pains. */
export interface PitchItem {
  readonly productId: string;
  readonly name: string;
  /** How many of the customer's pains the product answers (the rank). */
  readonly painsAnswered: number;
  readonly features: readonly { readonly name: string; readonly answers: readonly Pain[] }[];
}

/**
 * A feature tag answers a pain when it is the pain's category key or one of its labels
 * (managers tag features in either form).
 */
function tagMatches(tag: string, category: PainCategory): boolean {
  const t = tag.trim().toLowerCase();
  const c = PAIN_CATEGORIES.find((p) => p.key === category);
  return t === category || (c !== undefined && (t === c.zh || t === c.en.toLowerCase()));
}

/**
 * The products to present, best first: ranked by how many of the customer's pains their
 * features answer (then by name, so the order is stable); products that answer none are
 * left out. Each lists only its matching features and the pains (with needs) they answer.
 */
export function buildPitchList(pains: readonly Pain[], products: readonly PitchProduct[]): PitchItem[] {
  const items: PitchItem[] = [];
  for (const product of products) {
    const answered = new Set<number>();
    const features = product.features.flatMap((feature) => {
      const answers = pains.filter((pain, i) => {
        const hit = feature.pains.some((tag) => tagMatches(tag, pain.category));
        if (hit) answered.add(i);
        return hit;
      });
      return answers.length > 0 ? [{ name: feature.name, answers }] : [];
    });
    if (answered.size > 0) {
      items.push({ productId: product.id, name: product.name, painsAnswered: answered.size, features });
    }
  }
  return items.sort(
    (a, b) =>
      b.painsAnswered - a.painsAnswered ||
      a.name.localeCompare(b.name) ||
      a.productId.localeCompare(b.productId),
  );
}

/**
 * The customer's current pains from their visits' pains, visits newest first: the first
 * pain seen of each category wins, so a later visit's finding replaces an older one.
 */
export function currentPains(visitsNewestFirst: readonly { readonly pains: readonly Pain[] }[]): Pain[] {
  const byCategory = new Map<PainCategory, Pain>();
  for (const visit of visitsNewestFirst) {
    for (const pain of visit.pains) if (!byCategory.has(pain.category)) byCategory.set(pain.category, pain);
  }
  return [...byCategory.values()];
}
