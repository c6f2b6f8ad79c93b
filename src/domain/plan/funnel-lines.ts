/**
 * The plan page's funnel as one list of labelled lines, read by both the funnel chart and
 * the list beside it, so the two can never show different numbers under one label. (They
 * once did: the chart drew meetings with new prospects only and new customers won through
 * meetings only, under the labels the list used for all meetings and all new customers.)
 */
import type { Funnel } from '../../../../domain/plan/funnel.js';

/** Keys of the lines; the text of each is `plan.funnelLine.<key>` in both languages. */
export type FunnelLineKey =
  | 'meetingsTotal'
  | 'meetingsExisting'
  | 'meetingsNew'
  | 'prospectsToMeet'
  | 'newCustomersNeeded'
  | 'seminarSignings'
  | 'newByMeetings'
  | 'existingSignings';

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
 * are the lines marked `stage`, in the funnel's order (widest first).
 */
export function funnelLines(f: Funnel): FunnelLine[] {
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
