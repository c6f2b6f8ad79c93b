/**
 * Qualification before a meeting counts (method part 2): know whether the person is the
 * real key person (KP), whether they are willing to sign and whether they can pay. A
 * customer is qualified when all three are known to be true.
 */

/** A qualification answer. */
export type YesNoUnknown = 'yes' | 'no' | 'unknown';

/** What is known about a customer's key person, will and money. */
export interface QualificationFacts {
  /** The contact identified as the key person, if any. */
  readonly kpContactId: string | null;
  readonly willingToSign: YesNoUnknown;
  readonly ableToPay: YesNoUnknown;
}

/** The parts of qualification still missing, in the order a salesperson checks them. */
export type QualificationGap = 'key_person' | 'willing_to_sign' | 'able_to_pay';

/** The gaps that keep a customer from being qualified; empty when qualified. */
export function qualificationGaps(facts: QualificationFacts): QualificationGap[] {
  const gaps: QualificationGap[] = [];
  if (facts.kpContactId === null) gaps.push('key_person');
  if (facts.willingToSign !== 'yes') gaps.push('willing_to_sign');
  if (facts.ableToPay !== 'yes') gaps.push('able_to_pay');
  return gaps;
}

/** True when the key person is known and willing to sign and able to pay. */
export function isQualified(facts: QualificationFacts): boolean {
  return qualificationGaps(facts).length === 0;
}

/** What each gap means, for messages in both languages. */
export const QUALIFICATION_GAP_LABELS: Record<
  QualificationGap,
  { readonly zh: string; readonly en: string }
> = {
  key_person: { zh: '还没确认谁是 KP（关键决策人）', en: 'the key person (KP) is not identified' },
  willing_to_sign: { zh: '还没确认对方愿意签约', en: 'their willingness to sign is not confirmed' },
  able_to_pay: { zh: '还没确认对方付得起款', en: 'their ability to pay is not confirmed' },
};
