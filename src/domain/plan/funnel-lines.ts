/**
 * A plan's funnel as one list of labelled lines, read by the plan page's funnel chart, the
 * list beside it and the exported funnel sheet, so no two of them can show different
 * numbers under one word. (The page once did: its chart drew meetings with new prospects
 * only and new customers won through meetings only, under the words the list used for all
 * meetings and all new customers.)
 */
import type { Lang } from '../errors.js';
import type { Label } from '../labels.js';
import type { Funnel } from './funnel.js';

/** Keys of the lines; the words of each are {@link FUNNEL_LINE_LABELS}. */
export type FunnelLineKey =
  | 'meetingsTotal'
  | 'meetingsExisting'
  | 'meetingsNew'
  | 'prospectsToMeet'
  | 'newCustomersNeeded'
  | 'seminarSignings'
  | 'newByMeetings'
  | 'existingSignings';

/** The words of each line, in both languages (the web's `plan.funnelLine.*` texts). */
export const FUNNEL_LINE_LABELS = {
  meetingsTotal: { zh: '需要见面次数（合计）', en: 'Meetings needed (all)' },
  meetingsExisting: { zh: '见老客户次数', en: 'Meetings with existing customers' },
  meetingsNew: { zh: '见新客户次数', en: 'Meetings with new prospects' },
  prospectsToMeet: { zh: '需见面的新客户', en: 'New prospects to meet' },
  newCustomersNeeded: { zh: '需成交新客户（合计）', en: 'New customers to win (all)' },
  seminarSignings: { zh: '会销成交新客户', en: 'New customers won at seminars' },
  newByMeetings: { zh: '靠见面成交新客户', en: 'New customers won through meetings' },
  existingSignings: { zh: '老客户复购单数', en: 'Repeat orders from existing customers' },
} as const satisfies Record<FunnelLineKey, Label>;

/** One line of the funnel list. */
export interface FunnelLine {
  readonly key: FunnelLineKey;
  readonly value: number;
  /** A part of the line above it (shown indented, "of which"). */
  readonly part: boolean;
  /** A stage of the chart (new business: meetings → prospects → customers won by meeting). */
  readonly stage: boolean;
}

/**
 * The lines in list order: all meetings and their split, the prospects to meet, all new
 * customers and their split, and the signings from existing customers. The chart's stages
 * are the lines marked `stage`, in the funnel's order (widest first). None when the verdict
 * is `unknown`: without the data behind them the counts would read as a false 0.
 */
export function funnelLines(f: Funnel): FunnelLine[] {
  if (f.verdict.status === 'unknown') return [];
  const line = (key: FunnelLineKey, value: number, part = false, stage = false): FunnelLine => ({
    key,
    value,
    part,
    stage,
  });
  return [
    line('meetingsTotal', f.meetingsNeeded.total),
    line('meetingsExisting', f.meetingsNeeded.existing, true),
    line('meetingsNew', f.meetingsNeeded.new, true, true),
    line('prospectsToMeet', f.prospectsToMeet, false, true),
    line('newCustomersNeeded', f.newCustomersNeeded),
    line('seminarSignings', f.seminarSignings, true),
    line('newByMeetings', f.newByMeetings, true, true),
    line('existingSignings', f.existingSignings),
  ];
}

/** The chart's stages: the `stage` lines, same keys and values as in the list. */
export function funnelStages(lines: readonly FunnelLine[]): FunnelLine[] {
  return lines.filter((l) => l.stage);
}

/**
 * A missing funnel input (`Funnel.verdict.missing`: `classes.new.averageOrder`,
 * `funnel.winRate` …) in words, for the plan page and `closer plan` alike; an unknown key is
 * returned as it is (a new input must be given words here).
 */
export function missingInputLabel(key: string, lang: Lang): string {
  const [, klass] = /^classes\.(A|B|C|new)\.averageOrder$/.exec(key) ?? [];
  if (klass === 'new') return lang === 'zh' ? '新客户的平均订单额' : "new customers' average order";
  if (klass) return lang === 'zh' ? `${klass} 类客户的平均订单额` : `class ${klass} average order`;
  if (key === 'funnel.winRate') return lang === 'zh' ? '成交率' : 'the win rate';
  return key;
}
