/**
 * What Log a visit remembers between its steps, and its transitions as a pure reducer
 * (no React, no antd: unit-tested in node), used by `useLogVisit`.
 */
import type { CloseAttemptCreated } from '../../../../../contract/close-attempts.js';
import type { PitchList } from '../../../../../contract/method.js';
import type { VisitWrite } from '../../../../../contract/visits.js';

/** One discovery answer as the server stores it. */
export interface Answer {
  readonly questionId: string;
  readonly answer: string;
}

/** Everything Log a visit remembers between its steps. */
export interface LogVisitState {
  /** 0 meeting, 1 discovery, 2 pains, 3 close, 4 next step. */
  readonly step: number;
  readonly visit: VisitWrite | null;
  /** The visit's version after the last write (discovery and next step send it). */
  readonly visitVersion: number;
  /** The answers saved on step 1, sent again with the pains (one PUT holds both). */
  readonly answers: readonly Answer[];
  readonly pitch: PitchList | null;
  readonly attempt: CloseAttemptCreated | null;
  readonly finished: boolean;
  /** The server asked for a third-meeting reason, whatever the policy said beforehand. */
  readonly needReason: boolean;
}

/** What happens on the page. */
export type LogVisitEvent =
  | { readonly type: 'go'; readonly step: number }
  | { readonly type: 'visitSaved'; readonly visit: VisitWrite }
  | { readonly type: 'reasonRequired' }
  | { readonly type: 'answersSaved'; readonly answers: readonly Answer[]; readonly version: number }
  | { readonly type: 'painsSaved'; readonly version: number; readonly pitch: PitchList }
  | { readonly type: 'attemptSaved'; readonly attempt: CloseAttemptCreated }
  | { readonly type: 'anotherAttempt' }
  | { readonly type: 'visitUpdated'; readonly version: number }
  | { readonly type: 'finished' };

/** The page as first shown. */
export const initialLogVisit: LogVisitState = {
  step: 0,
  visit: null,
  visitVersion: 1,
  answers: [],
  pitch: null,
  attempt: null,
  finished: false,
  needReason: false,
};

const LAST_STEP = 4;

/**
 * The transitions. A saved visit moves on to the discovery unless the server warned (the
 * warnings are read first); no step but the first is reachable before the visit exists.
 */
export function logVisitReducer(state: LogVisitState, event: LogVisitEvent): LogVisitState {
  switch (event.type) {
    case 'go':
      if (!state.visit && event.step !== 0) return state;
      return { ...state, step: Math.min(LAST_STEP, Math.max(0, event.step)) };
    case 'visitSaved':
      return {
        ...state,
        visit: event.visit,
        visitVersion: event.visit.version,
        step: event.visit.warnings.length === 0 ? 1 : state.step,
      };
    case 'reasonRequired':
      return { ...state, needReason: true };
    case 'answersSaved':
      return { ...state, answers: event.answers, visitVersion: event.version, step: 2 };
    case 'painsSaved':
      return { ...state, visitVersion: event.version, pitch: event.pitch };
    case 'attemptSaved':
      return { ...state, attempt: event.attempt };
    case 'anotherAttempt':
      return { ...state, attempt: null };
    case 'visitUpdated':
      return { ...state, visitVersion: event.version };
    case 'finished':
      return { ...state, finished: true };
  }
}
