/**
 * How a demo prospect moves through the funnel, day by day, as a B2B region's prospects do
 * under the method: a lead waits in the prospecting assistant's pool (many are never met);
 * the first meeting finds the need and contacts the customer, and — when the key person is
 * willing and able — qualifies it (some are confirmed by phone a few days later); a few sign
 * at that first meeting; the others get a proposal before the second meeting, where most
 * sign; a few need a third; the rest are lost some weeks after their last meeting. Stage
 * changes come before the signing day, so the history shows customers sitting at each stage
 * before they win — which is what the forecast measures its stage chances from.
 *
 * Only what happened by `today` is returned: the customer's status is its stage on that day.
 */
import type { CustomerStatus } from '../../db/schema.js';
import { addDays, type IsoDate, toEpochDay } from '../../domain/dates.js';
import type { Random } from '../../domain/random.js';

/** One prospect's funnel as of today. */
export interface ProspectJourney {
  readonly status: CustomerStatus;
  /** Meetings that took place (field days, ascending); a won prospect signed at the last one. */
  readonly meetings: readonly IsoDate[];
  /** Stage changes in order, from `lead`, each with its day. */
  readonly steps: readonly (readonly [CustomerStatus, IsoDate])[];
}

/**
 * The funnel's odds. Tuned so that, of ~170 prospects, about a third are never met, and the
 * wins fall mostly at the second meeting, some at the first, few at the third.
 */
const ODDS = {
  /** Share of leads the team ever meets. */
  met: 0.7,
  /** Met customers whose key person is willing and able. */
  qualified: 0.52,
  /** Of those, qualification confirmed by phone after the meeting rather than at it. */
  qualifiedLater: 0.5,
  /** Qualified customers who sign at the first meeting. */
  firstMeetingWin: 0.4,
  /** Sign at the second meeting. */
  secondMeetingWin: 0.62,
  /** Not signed at the second: a third meeting (the rest are lost). */
  thirdMeeting: 0.35,
  /** Sign at the third meeting. */
  thirdMeetingWin: 0.55,
  /** A stall ("wait for the money", "ask the chairman") pushes the second meeting weeks out. */
  stall: 0.5,
} as const;

/**
 * Draws one prospect's journey. `fieldDays` are the days meetings happen on (ascending,
 * ending at or before `today`); the lead appears in the pool from `poolStart` on.
 */
export function prospectJourney(
  rand: Random,
  fieldDays: readonly IsoDate[],
  today: IsoDate,
  poolStart: IsoDate,
): ProspectJourney {
  const span = Math.max(1, toEpochDay(today) - toEpochDay(poolStart));
  // More leads lately than a year ago (density rising toward today): the pool grows.
  const leadOn = addDays(today, -Math.floor(span * (1 - Math.sqrt(rand()))));
  const steps: [CustomerStatus, IsoDate][] = [['lead', leadOn]];
  const meetings: IsoDate[] = [];
  const done = (status: CustomerStatus): ProspectJourney => ({ status, meetings, steps });
  /** The first field day on or after `day`, or undefined when that is after today. */
  const fieldDayFrom = (day: IsoDate) => fieldDays.find((d) => d >= day);
  /** Records a step when it happened by today; false when it lies in the future. */
  const step = (to: CustomerStatus, on: IsoDate | undefined) => {
    if (!on || on > today) return false;
    steps.push([to, on]);
    return true;
  };
  const meet = (on: IsoDate | undefined) => {
    if (!on || on > today) return false;
    meetings.push(on);
    return true;
  };
  // Every number is drawn up front: each journey takes the same count from the generator,
  // whichever way it goes, so one prospect's path never shifts the next one's.
  const r = Array.from({ length: 14 }, () => rand());
  const at = (i: number) => r[i] ?? 0;
  const lost = (after: IsoDate, min: number, spread: number) =>
    step('lost', addDays(after, min + Math.floor(at(12) * spread))) ? done('lost') : undefined;
  if (at(0) >= ODDS.met) return done('lead');
  const m1 = fieldDayFrom(addDays(leadOn, 21 + Math.floor(at(1) * 84)));
  if (!meet(m1) || !m1) return done('lead');
  step('contacted', m1);
  if (at(2) >= ODDS.qualified) return lost(m1, 10, 30) ?? done('contacted');

  const qualifiedOn = at(3) < ODDS.qualifiedLater ? addDays(m1, 3 + Math.floor(at(4) * 11)) : m1;
  if (qualifiedOn === m1 && at(5) < ODDS.firstMeetingWin) {
    step('qualified', m1);
    step('proposal', m1);
    step('won', m1);
    return done('won');
  }
  if (!step('qualified', qualifiedOn)) return done('contacted');
  const stalled = at(6) < ODDS.stall;
  const m2 = fieldDayFrom(
    addDays(qualifiedOn, stalled ? 30 + Math.floor(at(7) * 90) : 7 + Math.floor(at(7) * 25)),
  );
  // The proposal goes out after qualifying, before the second meeting (at least a week after
  // qualifying): within days, or — when the customer waits for its money or its chairman —
  // a few weeks later.
  const proposalOn = addDays(qualifiedOn, stalled ? 7 + Math.floor(at(8) * 28) : 2 + Math.floor(at(8) * 8));
  const latest = m2 && addDays(m2, -1);
  if (!step('proposal', latest && proposalOn > latest ? latest : proposalOn)) return done('qualified');
  if (!meet(m2) || !m2) return done('proposal');
  if (at(9) < ODDS.secondMeetingWin) {
    step('won', m2);
    return done('won');
  }
  if (at(10) >= ODDS.thirdMeeting) return lost(m2, 30, 90) ?? done('proposal');
  const m3 = fieldDayFrom(addDays(m2, 14 + Math.floor(at(11) * 28)));
  if (!meet(m3) || !m3) return done('proposal');
  if (at(13) < ODDS.thirdMeetingWin) {
    step('won', m3);
    return done('won');
  }
  return lost(m3, 7, 21) ?? done('proposal');
}
