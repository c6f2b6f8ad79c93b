/**
 * Meeting discipline (method part 2, "never see the same customer a third time"): every
 * visit that is not cancelled is a meeting with its customer, numbered 1, 2, 3 … in date
 * order; a third meeting is warned about, needs a written reason, or is refused,
 * depending on the workspace's policy; and the meeting at which won customers closed is
 * compared with the method's own statistics (65 % at the first, ≤25 % at the second,
 * ≤10 % at the third or later).
 */
import { AppError } from '../errors.js';
import { allocate } from '../money.js';

/** What a workspace does when a third (or later) meeting with a customer is logged or scheduled. */
export const THIRD_MEETING_POLICIES = ['warn', 'require_reason', 'block'] as const;
export type ThirdMeetingPolicy = (typeof THIRD_MEETING_POLICIES)[number];

/** Reads a stored policy; anything unknown is the default, `warn`. */
export function toThirdMeetingPolicy(value: string | null | undefined): ThirdMeetingPolicy {
  return (THIRD_MEETING_POLICIES as readonly string[]).includes(value ?? '')
    ? (value as ThirdMeetingPolicy)
    : 'warn';
}

/** A fact a salesperson must see that does not stop the write. */
export interface MeetingWarning {
  readonly code: 'VISIT.THIRD_MEETING';
  readonly zh: string;
  readonly en: string;
}

/** The part of a visit that decides its meeting number. */
export interface MeetingVisit {
  readonly id: string;
  readonly visitOn: string;
  readonly createdAt: string;
  readonly status: 'planned' | 'done' | 'cancelled';
}

/** Whether a visit with this status is a meeting: every visit but a cancelled one. */
export function countsAsMeeting(status: MeetingVisit['status']): boolean {
  return status !== 'cancelled';
}

/**
 * Meeting numbers of one customer's visits: visits not cancelled, ordered by date, then
 * by creation instant, then by id, are 1, 2, 3 …; a cancelled visit gets null.
 */
export function numberMeetings(visits: readonly MeetingVisit[]): Map<string, number | null> {
  const numbers = new Map<string, number | null>();
  const counted = visits
    .filter((v) => countsAsMeeting(v.status))
    .sort(
      (a, b) => compare(a.visitOn, b.visitOn) || compare(a.createdAt, b.createdAt) || compare(a.id, b.id),
    );
  for (const [i, v] of counted.entries()) numbers.set(v.id, i + 1);
  for (const v of visits) if (!countsAsMeeting(v.status)) numbers.set(v.id, null);
  return numbers;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Applies the workspace's policy to a meeting: below the third, nothing; from the third
 * on, a warning (`warn`), VISIT.THIRD_MEETING_REASON_REQUIRED without a written reason
 * (`require_reason`, with a reason it is a warning), or VISIT.THIRD_MEETING_BLOCKED (`block`).
 */
export function checkThirdMeeting(
  policy: ThirdMeetingPolicy,
  meetingNumber: number,
  reason: string | null | undefined,
): MeetingWarning[] {
  if (meetingNumber < 3) return [];
  if (policy === 'block') throw new AppError('VISIT.THIRD_MEETING_BLOCKED', { meetingNumber });
  if (policy === 'require_reason' && !reason?.trim()) {
    throw new AppError('VISIT.THIRD_MEETING_REASON_REQUIRED', { meetingNumber });
  }
  return [thirdMeetingWarning(meetingNumber)];
}

/** The warning shown with a third or later meeting. */
export function thirdMeetingWarning(meetingNumber: number): MeetingWarning {
  return {
    code: 'VISIT.THIRD_MEETING',
    zh: `这是与该客户的第 ${meetingNumber} 次见面。方法要求同一个客户不见第三次：见面前确认对方是否是 KP、是否愿意签、是否付得起款。`,
    en: `This is meeting number ${meetingNumber} with this customer. The method says never meet a customer a third time: before meeting, know whether they are the key person, willing to sign and able to pay.`,
  };
}

/** The method's targets, in basis points of won customers. */
export const MEETING_CLOSE_TARGETS = { firstMinBp: 6500, secondMaxBp: 2500, thirdPlusMaxBp: 1000 } as const;

/** One won customer: its group and the meetings it took to close (at least 1). */
export interface WonCustomer {
  readonly group: string | null;
  readonly meetings: number;
}

/** Counts and shares (basis points, summing to 10000 when won > 0) of one group. */
export interface MeetingCloseRow {
  readonly group: string | null;
  readonly won: number;
  readonly first: number;
  readonly second: number;
  readonly thirdPlus: number;
  readonly shares: { readonly firstBp: number; readonly secondBp: number; readonly thirdPlusBp: number };
  readonly flags: {
    /** Fewer than 65 % closed at the first meeting. */
    readonly firstBelowTarget: boolean;
    /** More than 25 % closed at the second meeting. */
    readonly secondAboveTarget: boolean;
    /** More than 10 % needed a third meeting or more. */
    readonly thirdPlusAboveTarget: boolean;
  };
}

/** Statistics of the meeting at which customers closed: one row per group (in first-seen order) and the total. */
export function meetingCloseStats(won: readonly WonCustomer[]): {
  rows: MeetingCloseRow[];
  total: MeetingCloseRow;
} {
  const groups = new Map<string | null, WonCustomer[]>();
  for (const w of won) {
    const list = groups.get(w.group);
    if (list) list.push(w);
    else groups.set(w.group, [w]);
  }
  return {
    rows: [...groups.entries()].map(([group, list]) => row(group, list)),
    total: row(null, won),
  };
}

function row(group: string | null, list: readonly WonCustomer[]): MeetingCloseRow {
  const first = list.filter((w) => w.meetings <= 1).length;
  const second = list.filter((w) => w.meetings === 2).length;
  const thirdPlus = list.filter((w) => w.meetings >= 3).length;
  // Largest remainder, so the three shares always add up to exactly 100 %.
  const [firstBp = 0, secondBp = 0, thirdPlusBp = 0] =
    list.length > 0 ? allocate(10_000, [first, second, thirdPlus]) : [0, 0, 0];
  const t = MEETING_CLOSE_TARGETS;
  return {
    group,
    won: list.length,
    first,
    second,
    thirdPlus,
    shares: { firstBp, secondBp, thirdPlusBp },
    flags: {
      firstBelowTarget: list.length > 0 && firstBp < t.firstMinBp,
      secondAboveTarget: secondBp > t.secondMaxBp,
      thirdPlusAboveTarget: thirdPlusBp > t.thirdPlusMaxBp,
    },
  };
}
