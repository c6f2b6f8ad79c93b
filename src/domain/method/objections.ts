/**
 * Objections are trust problems; close 100 times (method parts 3 and 4). The catalog holds
 * the four indirect objections (strategy, tactics, team, price) and the three stalls ("I'll
 * think about it", "no money now", "must ask the chairman"), each with scripted replies
 * taken from the method. A workspace may replace a built-in entry (same key) or add its
 * own keys. A close attempt names the entry and the reply used; the rules below say what an
 * attempt must carry and what each stall sets in motion.
 */
import { addDays } from '../dates.js';

/** objection: the customer's indirect "no"; stall: a delay that needs a date or a next step. */
export type ObjectionKind = 'objection' | 'stall';

/** One scripted reply; the id is stable so analytics can follow it across edits of the text. */
export interface ScriptedReply {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
}

/** One entry of the catalog. */
export interface ObjectionEntry {
  readonly key: string;
  readonly kind: ObjectionKind;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly replies: readonly ScriptedReply[];
  readonly archived: boolean;
}

/** The keys of the built-in entries. */
export const BUILT_IN_OBJECTION_KEYS = [
  'strategy',
  'tactics',
  'team',
  'price',
  'think_about_it',
  'no_money',
  'ask_chairman',
] as const;

const rebuildConfidence = (key: string): ScriptedReply => ({
  id: `${key}.confidence`,
  zh: '您担心的其实是风险：我们一起算一下投入和回报，再看看同行业客户的案例，风险在哪里我们就把它降下来。',
  en: 'What worries you is the risk: let us work out the return together and look at customers like you; wherever the risk is, we lower it.',
});

/** The built-in catalog (method parts 3 and 4). */
export const DEFAULT_OBJECTIONS: readonly ObjectionEntry[] = [
  {
    key: 'strategy',
    kind: 'objection',
    labelZh: '战略：现在不是我们的战略重点',
    labelEn: "Strategy: this isn't our strategic focus right now",
    replies: [
      {
        id: 'strategy.fit',
        zh: '您公司今后三年的重点是什么？我们来看看这个产品怎样帮您达成它，而不是分散精力。',
        en: 'What is the focus of the next three years? Let us see how this helps you reach it instead of distracting from it.',
      },
      rebuildConfidence('strategy'),
    ],
    archived: false,
  },
  {
    key: 'tactics',
    kind: 'objection',
    labelZh: '策略：刚调整业务，现在时机不好',
    labelEn: 'Tactics: we just adjusted the business; not the best time',
    replies: [
      {
        id: 'tactics.timing',
        zh: '正因为业务刚调整，新方向更需要订单来验证；早一天开始，早一天看到效果。',
        en: 'Precisely because the business just changed, the new direction needs orders to prove it; start earlier, see results earlier.',
      },
      rebuildConfidence('tactics'),
    ],
    archived: false,
  },
  {
    key: 'team',
    kind: 'objection',
    labelZh: '团队：团队还不完整，人手或资源不够',
    labelEn: "Team: our team isn't complete; not enough people or resources",
    replies: [
      {
        id: 'team.support',
        zh: '人手的事我们来帮：开通、培训和售后服务都由我们的团队跟进，您的人只需要接询盘。',
        en: 'We help with the people: set-up, training and after-sales are done by our team; your staff only answer the enquiries.',
      },
      rebuildConfidence('team'),
    ],
    archived: false,
  },
  {
    key: 'price',
    kind: 'objection',
    labelZh: '价格：没有预算 / 太贵了',
    labelEn: 'Price: no budget / too expensive',
    replies: [
      {
        id: 'price.fair',
        zh: '您觉得多少合适？我可以给您申请优惠。',
        en: 'What would you consider fair? I can give you a discount.',
      },
      {
        id: 'price.value',
        zh: '讨价还价说明您确实有需要：我们先把它能带来的价值算清楚，再谈价格。',
        en: 'Bargaining means there is a need: let us first work out the value it brings, then talk about the price.',
      },
    ],
    archived: false,
  },
  {
    key: 'think_about_it',
    kind: 'stall',
    labelZh: '我再考虑一下',
    labelEn: "I'll think about it",
    replies: [
      {
        id: 'think_about_it.concern',
        zh: '您顾虑的是什么？既然在考虑，肯定有顾虑，您告诉我，我们今天就把它解决掉。',
        en: 'What concerns you? If you are considering, you must have concerns — tell me and we can settle them today.',
      },
      {
        id: 'think_about_it.cost_of_waiting',
        zh: '如果车间在等这批原料，您今天就会下单；早一天签约，就早一天有收益。',
        en: 'If your workshop were waiting for this material you would order now; signing today means earlier profit.',
      },
    ],
    archived: false,
  },
  {
    key: 'no_money',
    kind: 'stall',
    labelZh: '账上暂时没钱',
    labelEn: 'No money in the account now',
    replies: [
      { id: 'no_money.when', zh: '资金什么时候到账？', en: 'When will the funds arrive?' },
      {
        id: 'no_money.reserve',
        zh: '我们先把合同和方案定下来，资金到账那天我再来，您一点时间都不耽误。',
        en: 'Let us settle the contract and plan now; I will come back the day the funds arrive, so you lose no time.',
      },
    ],
    archived: false,
  },
  {
    key: 'ask_chairman',
    kind: 'stall',
    labelZh: '要和董事长商量',
    labelEn: 'I must discuss it with the chairman',
    replies: [
      {
        id: 'ask_chairman.four_questions',
        zh: '您觉得我们的产品怎么样？如果由您决定，会优先选择吗？董事长会听您的建议吗？如果他不选我们，最大的原因会是什么？',
        en: 'What do you think of our product? If it were your call, would you choose it first? Will the chairman follow your advice? If he does not choose us, what would the biggest reason be?',
      },
      {
        id: 'ask_chairman.meet_together',
        zh: '那我们约个时间，我和您一起当面向董事长介绍它的价值。',
        en: 'Then let us find a time when you and I present its value to the chairman together.',
      },
    ],
    archived: false,
  },
];

/** A workspace's stored entry (replacing a built-in one or adding a custom key). */
export interface StoredObjection extends ObjectionEntry {
  readonly version: number;
}

/** An entry of the effective catalog: where it comes from and its row version, if any. */
export interface CatalogEntry extends ObjectionEntry {
  readonly builtIn: boolean;
  /** Version of the workspace's row; null for an unedited built-in entry. */
  readonly version: number | null;
}

/**
 * The effective catalog: built-in entries in their order (replaced by the workspace's row
 * of the same key), then the custom keys in the order given.
 */
export function mergeCatalog(stored: readonly StoredObjection[]): CatalogEntry[] {
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const builtIn: CatalogEntry[] = DEFAULT_OBJECTIONS.map((d) => {
    const row = byKey.get(d.key);
    return row ? catalogEntryOf(row) : { ...d, builtIn: true, version: null };
  });
  const builtInKeys = new Set<string>(BUILT_IN_OBJECTION_KEYS);
  const custom = stored.filter((s) => !builtInKeys.has(s.key)).map(catalogEntryOf);
  return [...builtIn, ...custom];
}

/**
 * The catalog entry one stored row makes: a row of a built-in key replaces that entry but
 * keeps the built-in kind, whatever kind the row holds (the close-attempt rules depend on
 * it); another row is a custom entry as stored. The catalog and every write's answer use it.
 */
export function catalogEntryOf(row: StoredObjection): CatalogEntry {
  const builtIn = DEFAULT_OBJECTIONS.find((d) => d.key === row.key);
  return builtIn ? { ...row, kind: builtIn.kind, builtIn: true } : { ...row, builtIn: false };
}

/** The outcome of asking for the signature. */
export type CloseResult = 'signed' | 'objection' | 'stall';

/** What a close attempt says, as far as the rules look at it. */
export interface CloseAttemptFacts {
  readonly result: CloseResult;
  readonly attemptedOn: string;
  readonly objectionKey?: string | null | undefined;
  readonly replyId?: string | null | undefined;
  readonly concern?: string | null | undefined;
  readonly fundsOn?: string | null | undefined;
  /** The deal signed, when it exists already. */
  readonly dealId?: string | null | undefined;
  /** The deal to create with the attempt, when given (its own fields are checked apart). */
  readonly deal?: object | undefined;
}

/** A problem with one field, in both languages. */
export interface AttemptProblem {
  readonly path: string;
  readonly message: string;
  readonly messageZh: string;
}

/**
 * The rules of a close attempt against the catalog: an objection or stall names a live
 * entry of its own kind; a signature names none; a reply must belong to the entry; "I'll
 * think about it" must record the concern and "no money" the date the funds arrive — the
 * method's answer to each stall is to find exactly that out. Only a signature creates a
 * deal, and it either names the deal signed or brings the one to create, not both.
 */
export function checkCloseAttempt(
  facts: CloseAttemptFacts,
  catalog: readonly CatalogEntry[],
): AttemptProblem[] {
  const problems: AttemptProblem[] = [];
  const key = facts.objectionKey ?? null;
  if (facts.deal !== undefined && facts.result !== 'signed') {
    problems.push({
      path: 'deal',
      message: 'only a signed attempt creates a deal',
      messageZh: '只有已签约的逼单才生成签单',
    });
  } else if (facts.deal !== undefined && facts.dealId) {
    problems.push({
      path: 'deal',
      message: 'name the deal signed or give the deal to create, not both',
      messageZh: '已有的签单和要新建的签单只能填一个',
    });
  }
  if (facts.result === 'signed') {
    if (key !== null) {
      problems.push({
        path: 'objectionKey',
        message: 'a signed attempt has no objection',
        messageZh: '已签约的逼单不需要填写拒签问题',
      });
    }
    if (facts.replyId) {
      problems.push({
        path: 'replyId',
        message: 'a signed attempt has no scripted reply',
        messageZh: '已签约的逼单不需要填写应对话术',
      });
    }
    return problems;
  }
  const what = facts.result === 'objection' ? 'objection' : 'stall';
  const whatZh = facts.result === 'objection' ? '拒签问题' : '拖延理由';
  if (key === null) {
    problems.push({
      path: 'objectionKey',
      message: `say which ${what} the customer raised`,
      messageZh: `请选择客户提出的${whatZh}`,
    });
    return problems;
  }
  const entry = catalog.find((e) => e.key === key);
  if (entry?.archived) {
    problems.push({
      path: 'objectionKey',
      message: `"${entry.labelEn}" is archived in the objection catalog`,
      messageZh: `“${entry.labelZh}”已在拒签问题目录中停用`,
    });
    return problems;
  }
  if (!entry) {
    problems.push({
      path: 'objectionKey',
      message: `"${key}" is not in the objection catalog`,
      messageZh: `“${key}”不在拒签问题目录中`,
    });
    return problems;
  }
  if (entry.kind !== facts.result) {
    problems.push({
      path: 'objectionKey',
      message: `"${entry.labelEn}" is ${entry.kind === 'stall' ? 'a stall' : 'an objection'}, not ${facts.result === 'stall' ? 'a stall' : 'an objection'}`,
      messageZh: `“${entry.labelZh}”属于${entry.kind === 'stall' ? '拖延理由' : '拒签问题'}，不是${whatZh}`,
    });
  }
  if (facts.replyId && !entry.replies.some((r) => r.id === facts.replyId)) {
    problems.push({
      path: 'replyId',
      message: `the reply "${facts.replyId}" is not one of the scripted replies to "${entry.labelEn}"`,
      messageZh: `话术“${facts.replyId}”不是“${entry.labelZh}”的应对话术`,
    });
  }
  if (key === 'think_about_it' && !facts.concern?.trim()) {
    problems.push({
      path: 'concern',
      message: 'ask "what concerns you?" and write the concern down: it is what the follow-up must settle',
      messageZh: '请问“您顾虑的是什么？”并记下顾虑：跟进就是要解决它',
    });
  }
  if (key === 'no_money' && !facts.fundsOn) {
    problems.push({
      path: 'fundsOn',
      message: 'ask "when will the funds arrive?" and record the date to come back',
      messageZh: '请问“资金什么时候到账？”并记下日期，到时再来',
    });
  }
  return problems;
}

/** A follow-up a stall creates. */
export interface PlannedFollowUp {
  readonly kind: 'funds' | 'concern' | 'next_visit';
  readonly dueOn: string;
  readonly notes: string | null;
}

/** What an accepted close attempt sets in motion. */
export interface CloseEffects {
  readonly followUps: readonly PlannedFollowUp[];
  /** A next-visit plan to write (ask_chairman, or a next visit the salesperson gave). */
  readonly nextVisit: {
    readonly goal: string;
    readonly meetWhom: readonly string[];
    readonly bring: string | null;
    readonly plannedOn: string | null;
  } | null;
  /** The customer's expected funds date to set (no_money). */
  readonly expectedFundsOn: string | null;
}

/** Days after "I'll think about it" when the concern is followed up. */
export const CONCERN_FOLLOW_UP_DAYS = 2;
/** Days after the attempt when a next visit without a date is followed up. */
export const NEXT_VISIT_FOLLOW_UP_DAYS = 7;

/** The default goal of the next visit after "must ask the chairman" (method part 4). */
export const CHAIRMAN_GOAL = {
  zh: '再次拜访，向董事长传递产品价值',
  en: 'Visit again and convey the value to the chairman',
} as const;

/** The next visit a salesperson may plan with an attempt. */
export interface NextVisitFacts {
  readonly goal?: string | undefined;
  readonly meetWhom?: readonly string[] | undefined;
  readonly bring?: string | undefined;
  readonly plannedOn?: string | undefined;
}

/**
 * What a close attempt that passed {@link checkCloseAttempt} creates: "no money" → a
 * `funds` follow-up on the funds date and the customer's expected funds date; "ask the
 * chairman" → a next-visit plan (default goal: convey the value to the chairman) and a
 * `next_visit` follow-up on its date (a week later when none is given); "I'll think about
 * it" → a `concern` follow-up two days later with the concern in its notes. A next visit
 * with a goal given with any other unsigned attempt is planned the same way. A signature
 * creates nothing.
 */
export function closeAttemptEffects(
  facts: CloseAttemptFacts & { readonly nextVisit?: NextVisitFacts | undefined },
  lang: 'zh' | 'en',
): CloseEffects {
  if (facts.result === 'signed') return { followUps: [], nextVisit: null, expectedFundsOn: null };
  const key = facts.objectionKey ?? null;
  const followUps: PlannedFollowUp[] = [];
  let expectedFundsOn: string | null = null;
  if (key === 'no_money' && facts.fundsOn) {
    followUps.push({
      kind: 'funds',
      dueOn: facts.fundsOn,
      notes: lang === 'zh' ? '资金到账日：再次逼单' : 'Funds arrive: ask for the signature again',
    });
    expectedFundsOn = facts.fundsOn;
  }
  if (key === 'think_about_it' && facts.concern) {
    followUps.push({
      kind: 'concern',
      dueOn: addDays(facts.attemptedOn, CONCERN_FOLLOW_UP_DAYS),
      notes: facts.concern,
    });
  }
  const goal = facts.nextVisit?.goal ?? (key === 'ask_chairman' ? CHAIRMAN_GOAL[lang] : null);
  let nextVisit: CloseEffects['nextVisit'] = null;
  if (goal !== null) {
    const plannedOn = facts.nextVisit?.plannedOn ?? null;
    nextVisit = {
      goal,
      meetWhom: facts.nextVisit?.meetWhom ?? [],
      bring: facts.nextVisit?.bring ?? null,
      plannedOn,
    };
    followUps.push({
      kind: 'next_visit',
      dueOn: plannedOn ?? addDays(facts.attemptedOn, NEXT_VISIT_FOLLOW_UP_DAYS),
      notes: goal,
    });
  }
  return { followUps, nextVisit, expectedFundsOn };
}
