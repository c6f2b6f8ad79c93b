import { describe, expect, it } from 'vitest';
import type { CloseAttemptCreated } from '../../../../../contract/close-attempts.js';
import type { PitchList } from '../../../../../contract/method.js';
import type { VisitWrite } from '../../../../../contract/visits.js';
import { initialLogVisit, type LogVisitEvent, type LogVisitState, logVisitReducer } from './log-visit-state';

const visit = (warnings: VisitWrite['warnings'] = []) =>
  ({ id: 'v1', visitOn: '2026-03-03', version: 1, meetingNumber: 3, warnings }) as unknown as VisitWrite;
const run = (...events: LogVisitEvent[]): LogVisitState => events.reduce(logVisitReducer, initialLogVisit);

describe('Log a visit state', () => {
  it('stays on the meeting until the visit exists, then moves on by itself', () => {
    expect(run({ type: 'go', step: 2 })).toBe(initialLogVisit);
    const saved = run({ type: 'visitSaved', visit: visit() });
    expect(saved).toMatchObject({ step: 1, visitVersion: 1 });
    expect(run({ type: 'visitSaved', visit: visit() }, { type: 'go', step: 9 }).step).toBe(4);
    expect(run({ type: 'visitSaved', visit: visit() }, { type: 'go', step: -1 }).step).toBe(0);
  });

  it('stays on the meeting when the server warned, so the warning is read; a reason request is kept', () => {
    const warned = run(
      { type: 'reasonRequired' },
      { type: 'visitSaved', visit: visit([{ code: 'THIRD_MEETING', zh: '第三次', en: 'third' }] as never) },
    );
    expect(warned).toMatchObject({ step: 0, needReason: true });
    expect(logVisitReducer(warned, { type: 'go', step: 1 }).step).toBe(1);
  });

  it('carries the visit version from write to write and the answers to the pains', () => {
    const answers = [{ questionId: 'q1', answer: '手工排产' }];
    const pitch = { items: [] } as unknown as PitchList;
    const state = run(
      { type: 'visitSaved', visit: visit() },
      { type: 'answersSaved', answers, version: 2 },
      { type: 'painsSaved', version: 3, pitch },
      { type: 'visitUpdated', version: 4 },
    );
    expect(state).toMatchObject({ step: 2, answers, pitch, visitVersion: 4 });
  });

  it('shows a saved attempt until another one is started, and finishes', () => {
    const attempt = { attemptNumber: 1 } as unknown as CloseAttemptCreated;
    const saved = run(
      { type: 'visitSaved', visit: visit() },
      { type: 'go', step: 3 },
      { type: 'attemptSaved', attempt },
    );
    expect(saved.attempt).toBe(attempt);
    expect(logVisitReducer(saved, { type: 'anotherAttempt' }).attempt).toBeNull();
    expect(logVisitReducer(saved, { type: 'finished' })).toMatchObject({ finished: true, step: 3 });
  });
});
