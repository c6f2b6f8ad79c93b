import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkThirdMeeting, type MeetingVisit, meetingCloseStats, numberMeetings } from './meetings.js';

const visit = (
  id: string,
  visitOn: string,
  status: MeetingVisit['status'] = 'done',
  createdAt = 'T1',
): MeetingVisit => ({
  id,
  visitOn,
  createdAt,
  status,
});

describe('numberMeetings', () => {
  it('numbers visits that are not cancelled by date, then creation instant, then id', () => {
    const numbers = numberMeetings([
      visit('c', '2026-03-10'),
      visit('a', '2026-03-01'),
      visit('x', '2026-03-05', 'cancelled'),
      visit('b2', '2026-03-05', 'planned', 'T2'),
      visit('b1', '2026-03-05', 'done', 'T1'),
    ]);
    expect(Object.fromEntries(numbers)).toEqual({ a: 1, b1: 2, b2: 3, c: 4, x: null });
  });

  it('gives 1..n to the n visits not cancelled, whatever the order of the input', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 1, max: 9 }),
            status: fc.constantFrom<MeetingVisit['status']>('planned', 'done', 'cancelled'),
          }),
          { maxLength: 12 },
        ),
        (specs) => {
          const visits = specs.map((s, i) =>
            visit(`v${String(i).padStart(2, '0')}`, `2026-03-0${s.day}`, s.status),
          );
          const numbers = numberMeetings(visits);
          const counted = visits.filter((v) => v.status !== 'cancelled');
          expect(counted.map((v) => numbers.get(v.id)).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
            counted.map((_, i) => i + 1),
          );
          for (const a of counted)
            for (const b of counted)
              if (a.visitOn < b.visitOn) expect(numbers.get(a.id)).toBeLessThan(numbers.get(b.id) ?? 0);
          expect(Object.fromEntries(numberMeetings([...visits].reverse()))).toEqual(
            Object.fromEntries(numbers),
          );
        },
      ),
    );
  });
});

describe('checkThirdMeeting', () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as { code: string }).code;
    }
    return undefined;
  };

  it.each([
    ['warn', 1, null, []],
    ['warn', 2, null, []],
    ['block', 2, null, []],
    ['require_reason', 2, null, []],
    ['warn', 3, null, ['VISIT.THIRD_MEETING']],
    ['warn', 4, 'x', ['VISIT.THIRD_MEETING']],
    ['require_reason', 3, '董事长要亲自见', ['VISIT.THIRD_MEETING']],
  ] as const)('%s at meeting %i (reason %s) gives %j', (policy, n, reason, codes) => {
    expect(checkThirdMeeting(policy, n, reason).map((w) => w.code)).toEqual(codes);
  });

  it('requires a written reason, or refuses, from the third meeting on', () => {
    expect(codeOf(() => checkThirdMeeting('require_reason', 3, null))).toBe(
      'VISIT.THIRD_MEETING_REASON_REQUIRED',
    );
    expect(codeOf(() => checkThirdMeeting('require_reason', 3, '   '))).toBe(
      'VISIT.THIRD_MEETING_REASON_REQUIRED',
    );
    expect(codeOf(() => checkThirdMeeting('block', 3, '有原因也不行'))).toBe('VISIT.THIRD_MEETING_BLOCKED');
  });

  it('says which meeting it is in both languages', () => {
    const [w] = checkThirdMeeting('warn', 3, null);
    expect(w?.zh).toContain('第 3 次见面');
    expect(w?.en).toContain('meeting number 3');
  });
});

describe('meetingCloseStats', () => {
  it('counts 1st / 2nd / 3rd+ per group, with shares summing to 100 % and flags against 65/25/10', () => {
    const won = [
      ...Array.from({ length: 13 }, () => ({ group: 'A', meetings: 1 })),
      ...Array.from({ length: 5 }, () => ({ group: 'A', meetings: 2 })),
      { group: 'A', meetings: 3 },
      { group: 'A', meetings: 5 },
      { group: 'B', meetings: 1 },
      { group: 'B', meetings: 2 },
      { group: 'B', meetings: 3 },
    ];
    const { rows, total } = meetingCloseStats(won);
    expect(rows).toEqual([
      {
        group: 'A',
        won: 20,
        first: 13,
        second: 5,
        thirdPlus: 2,
        shares: { firstBp: 6500, secondBp: 2500, thirdPlusBp: 1000 },
        flags: { firstBelowTarget: false, secondAboveTarget: false, thirdPlusAboveTarget: false },
      },
      {
        group: 'B',
        won: 3,
        first: 1,
        second: 1,
        thirdPlus: 1,
        shares: { firstBp: 3334, secondBp: 3333, thirdPlusBp: 3333 },
        flags: { firstBelowTarget: true, secondAboveTarget: true, thirdPlusAboveTarget: true },
      },
    ]);
    expect(total).toMatchObject({ won: 23, first: 14, second: 6, thirdPlus: 3 });
    expect(total.shares.firstBp + total.shares.secondBp + total.shares.thirdPlusBp).toBe(10_000);
  });

  it('has zero shares and no flags without won customers', () => {
    expect(meetingCloseStats([]).total).toEqual({
      group: null,
      won: 0,
      first: 0,
      second: 0,
      thirdPlus: 0,
      shares: { firstBp: 0, secondBp: 0, thirdPlusBp: 0 },
      flags: { firstBelowTarget: false, secondAboveTarget: false, thirdPlusAboveTarget: false },
    });
  });
});
