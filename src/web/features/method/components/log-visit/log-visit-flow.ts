/**
 * The state of Log a visit in one place: which step is shown, the visit saved (and its
 * version, carried from write to write), the answers, the pitch list, the close attempt
 * and the finish, kept by a pure reducer (`log-visit-state.ts`). `useLogVisit` adds the
 * five step forms and the saves, each through the project's `useSubmit` (a TanStack
 * mutation), with the step's error shown above it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseAttemptCreated } from '../../../../../contract/close-attempts.js';
import type { PainCategory } from '../../../../../domain/method/discovery.js';
import { parseAmount } from '../../../../../domain/money.js';
import { ApiError } from '../../../../lib/api';
import { useSubmit } from '../../../../lib/forms';
import { customerKeys } from '../../../customers/api/customer-keys';
import { updateVisit } from '../../../customers/api/visits-api';
import {
  createCloseAttempt,
  createFollowUp,
  getPitchList,
  logVisit,
  saveDiscovery,
} from '../../api/method-api';
import { methodKeys } from '../../api/method-keys';
import { initialLogVisit, logVisitReducer } from './log-visit-state';
import { useStepError } from './StepError';

const trimmed = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The meeting step's fields. */
interface MeetingValues {
  visitOn?: Dayjs;
  status?: 'done' | 'planned' | 'cancelled';
  purpose?: string;
  outcome?: string;
  thirdMeetingReason?: string;
}

/** The next step's fields. */
interface NextValues {
  nextStep?: string;
  dueOn?: Dayjs;
  kind?: string;
  notes?: string;
}

/** The state, forms and saves of Log a visit for one customer. */
export function useLogVisit(customerId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(logVisitReducer, initialLogVisit);
  const errors = useStepError();
  const submit = useSubmit(errors);
  const [meetingForm] = Form.useForm();
  const [discoveryForm] = Form.useForm();
  const [painsForm] = Form.useForm();
  const [closeForm] = Form.useForm();
  const [nextForm] = Form.useForm();
  const invalidate = (...keys: (readonly unknown[])[]) =>
    Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));

  /** Saves the visit; `reasonShown` says whether the third-meeting reason field is on the form. */
  const saveMeeting = (reasonShown: boolean) =>
    submit.run(async () => {
      const v = meetingForm.getFieldsValue() as MeetingValues;
      try {
        const saved = await logVisit({
          customerId,
          visitOn: v.visitOn?.format('YYYY-MM-DD') ?? '',
          status: v.status ?? 'done',
          purpose: trimmed(v.purpose),
          outcome: trimmed(v.outcome),
          thirdMeetingReason: reasonShown ? trimmed(v.thirdMeetingReason) : undefined,
        });
        // Saved first, so the refetched meeting count never shows under the form just sent.
        dispatch({ type: 'visitSaved', visit: saved });
        await invalidate(customerKeys.visits(customerId), customerKeys.detail(customerId));
      } catch (e) {
        if (e instanceof ApiError && e.code === 'VISIT.THIRD_MEETING_REASON_REQUIRED') {
          dispatch({ type: 'reasonRequired' });
        }
        throw e;
      }
    });

  /** Saves the answers to the chain's questions (blank ones left out). */
  const saveAnswers = (chain: { version: number; questions: readonly { id: string }[] }) =>
    submit.run(async () => {
      if (!state.visit) return;
      const values = discoveryForm.getFieldsValue() as Record<string, string | undefined>;
      const answers = chain.questions.flatMap((q) => {
        const a = trimmed(values[q.id]);
        return a ? [{ questionId: q.id, answer: a }] : [];
      });
      const saved = await saveDiscovery(state.visit.id, {
        version: state.visitVersion,
        discoveryVersion: chain.version,
        answers,
        pains: [],
      });
      dispatch({ type: 'answersSaved', answers, version: saved.version });
    });

  /** Saves the pains with the answers, then reads the pitch list they produce. */
  const savePains = (discoveryVersion: number) =>
    submit.run(async () => {
      if (!state.visit) return;
      const values = painsForm.getFieldsValue() as { pains?: { category?: string; need?: string }[] };
      // A row without a category is sent as it is: the server's field error names it on the form.
      const pains = (values.pains ?? []).map((p) => ({
        category: (p.category ?? '') as PainCategory,
        need: p.need?.trim() ?? '',
      }));
      const saved = await saveDiscovery(state.visit.id, {
        version: state.visitVersion,
        discoveryVersion,
        answers: [...state.answers],
        pains,
      });
      dispatch({ type: 'painsSaved', version: saved.version, pitch: await getPitchList(customerId) });
    });

  /**
   * Logs the close attempt on the visit's day. A signature sends its deal with it, so the
   * server records both or neither (one request, one transaction).
   */
  const saveAttempt = () =>
    submit.run(async () => {
      if (!state.visit) return;
      const v = closeForm.getFieldsValue() as Record<string, unknown>;
      const on = { customerId, visitId: state.visit.id, attemptedOn: state.visit.visitOn };
      let attempt: CloseAttemptCreated;
      if (v.result === 'signed') {
        let amountMinor: number;
        try {
          amountMinor = parseAmount(String(v.amount ?? ''));
        } catch {
          throw new ApiError(400, 'AMOUNT.INVALID', t('method.visit.amountInvalid'), {});
        }
        attempt = await createCloseAttempt({ ...on, result: 'signed', deal: { amountMinor } });
      } else {
        const own = v.replyId === 'own';
        const whom = trimmed(v.meetWhom)
          ?.split(/[,，、]/)
          .map((s) => s.trim())
          .filter(Boolean);
        const nextVisit = {
          goal: trimmed(v.nextGoal),
          meetWhom: whom && whom.length > 0 ? whom : undefined,
          bring: trimmed(v.bring),
          plannedOn: (v.plannedOn as Dayjs | undefined)?.format('YYYY-MM-DD'),
        };
        const anyNext = Object.values(nextVisit).some((x) => x !== undefined);
        attempt = await createCloseAttempt({
          ...on,
          result: v.result === 'stall' ? 'stall' : 'objection',
          objectionKey: trimmed(v.objectionKey),
          replyId: own ? undefined : trimmed(v.replyId),
          replyText: own ? trimmed(v.replyText) : undefined,
          customerWords: trimmed(v.customerWords),
          response: (v.response as 'resolved' | 'unresolved' | undefined) ?? undefined,
          concern: trimmed(v.concern),
          fundsOn: (v.fundsOn as Dayjs | undefined)?.format('YYYY-MM-DD'),
          nextVisit: anyNext ? nextVisit : undefined,
        });
      }
      dispatch({ type: 'attemptSaved', attempt });
      await invalidate(
        methodKeys.closeAttempts(customerId),
        methodKeys.today,
        customerKeys.detail(customerId),
        methodKeys.nextVisitPlans(customerId),
      );
    });

  /** Clears the close form for another attempt on the same visit. */
  const anotherAttempt = () => {
    closeForm.resetFields();
    dispatch({ type: 'anotherAttempt' });
  };

  /** Writes the visit's next step and adds the follow-up, each when given, and finishes. */
  const finish = () =>
    submit.run(async () => {
      if (!state.visit) return;
      const v = nextForm.getFieldsValue() as NextValues;
      const nextStep = trimmed(v.nextStep);
      if (nextStep) {
        const updated = await updateVisit(state.visit.id, { nextStep, version: state.visitVersion });
        dispatch({ type: 'visitUpdated', version: updated.version });
      }
      if (v.dueOn || trimmed(v.kind)) {
        await createFollowUp({
          customerId,
          dueOn: v.dueOn?.format('YYYY-MM-DD') ?? '',
          kind: trimmed(v.kind) ?? '',
          notes: trimmed(v.notes) ?? null,
        });
      }
      await invalidate(customerKeys.visits(customerId), customerKeys.detail(customerId), methodKeys.today);
      dispatch({ type: 'finished' });
    });

  return {
    state,
    go: (step: number) => dispatch({ type: 'go', step }),
    errors,
    busy: submit.busy,
    forms: { meetingForm, discoveryForm, painsForm, closeForm, nextForm },
    saveMeeting,
    saveAnswers,
    savePains,
    saveAttempt,
    anotherAttempt,
    finish,
  };
}

/** What the step components get from {@link useLogVisit}. */
export type LogVisitFlow = ReturnType<typeof useLogVisit>;
