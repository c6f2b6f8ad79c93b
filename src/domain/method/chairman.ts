/**
 * "I must discuss it with the chairman" (method part 4): the contact may not be the key
 * person. Their answers to "would you choose us first?" and "will the chairman follow your
 * advice?" say whether they are the key person (their recommendation decides), a
 * champion (on our side but not deciding) or neither — and what the next visit must do.
 */
import type { Lang } from '../errors.js';

/** An answer to one of the chairman questions. */
export type Answer3 = 'yes' | 'no' | 'unsure';
export const ANSWERS3 = ['yes', 'no', 'unsure'] as const;

/** Who the contact turned out to be. */
export type ChairmanVerdict = 'key_person' | 'champion' | 'neither';

/**
 * Would choose us first and the chairman follows their advice → `key_person`; would choose
 * us first but the chairman may not follow → `champion`; otherwise `neither`.
 */
export function chairmanVerdict(wouldChooseFirst: Answer3, chairmanFollowsAdvice: Answer3): ChairmanVerdict {
  if (wouldChooseFirst !== 'yes') return 'neither';
  return chairmanFollowsAdvice === 'yes' ? 'key_person' : 'champion';
}

/** What the next visit must achieve for each verdict, when the salesperson wrote no goal. */
export const DEFAULT_NEXT_VISIT_GOALS: Record<ChairmanVerdict, Record<Lang, string>> = {
  key_person: {
    zh: '对方的建议就是决定：带上合同再次拜访，解决最后的顾虑，当场签约',
    en: 'Their recommendation decides: come back with the contract, settle the last concerns and sign',
  },
  champion: {
    zh: '和对方一起见董事长，当面向董事长传递产品的价值',
    en: 'Meet the chairman together and convey the value to the chairman',
  },
  neither: {
    zh: '解决最大的障碍，并找到真正的 KP（关键决策人）',
    en: 'Resolve the biggest obstacle and find the real key person',
  },
};

/** The default next-visit goal of a verdict in a language. */
export function defaultNextVisitGoal(verdict: ChairmanVerdict, lang: Lang): string {
  return DEFAULT_NEXT_VISIT_GOALS[verdict][lang];
}
