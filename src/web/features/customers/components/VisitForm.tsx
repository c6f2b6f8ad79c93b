/**
 * Logging a visit to a customer, or changing one already logged. Changing sends only the
 * fields that changed with the version read; when someone else saved first, the latest
 * visit is loaded with the user's own changes on top (lib/edits.ts), and the fields the
 * other person changed are pointed out, so a second save loses neither side's change.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { InputRef } from 'antd';
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createVisitInput,
  updateVisitInput,
  VISIT_STATUSES,
  type Visit,
} from '../../../../contract/visits.js';
import { ApiError } from '../../../lib/api';
import { currentLang } from '../../../lib/format';
import { FormAlert, FormDialog, useFirstField, useFormErrors, useSubmit } from '../../../lib/forms';
import { validate } from '../../../lib/validate';
import { customerKeys } from '../api/customer-keys';
import { createVisit } from '../api/customers-api';
import { getVisit, updateVisit } from '../api/visits-api';
import '../i18n-customers';
import { changedFields } from '../lib/edits';
import { StaleAlert, showRebased, useStale } from './StaleNotice';

interface Values {
  visitOn?: Dayjs;
  status?: Visit['status'];
  purpose?: string;
  outcome?: string;
  nextStep?: string;
  thirdMeetingReason?: string;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The editable fields of a visit, flat (dates as YYYY-MM-DD, empty text as null). */
type Fields = {
  visitOn: string;
  status: Visit['status'];
  purpose: string | null;
  outcome: string | null;
  nextStep: string | null;
  thirdMeetingReason: string | null;
};

/** The form's values as the API's fields (empty text is "no value"). */
function fieldsOf(v: Values, status: Visit['status'] = 'done'): Fields {
  return {
    visitOn: v.visitOn?.format('YYYY-MM-DD') ?? '',
    status: v.status ?? status,
    purpose: blank(v.purpose) ?? null,
    outcome: blank(v.outcome) ?? null,
    nextStep: blank(v.nextStep) ?? null,
    thirdMeetingReason: blank(v.thirdMeetingReason) ?? null,
  };
}

/** A stored visit's editable fields. */
function fieldsOfVisit(visit: Visit): Fields {
  return {
    visitOn: visit.visitOn,
    status: visit.status,
    purpose: visit.purpose,
    outcome: visit.outcome,
    nextStep: visit.nextStep,
    thirdMeetingReason: visit.thirdMeetingReason,
  };
}

/** Fields → the form's values. */
function valuesOf(f: Fields): Values {
  return {
    visitOn: f.visitOn ? dayjs(f.visitOn) : undefined,
    status: f.status,
    purpose: f.purpose ?? undefined,
    outcome: f.outcome ?? undefined,
    nextStep: f.nextStep ?? undefined,
    thirdMeetingReason: f.thirdMeetingReason ?? undefined,
  };
}

/** The dialog: a new visit for `customerId`, or a change to `visit` when given. */
export function VisitForm({
  customerId,
  visit,
  open,
  onClose,
}: {
  customerId: string;
  visit?: Visit;
  open: boolean;
  onClose: () => void;
}) {
  const firstField = useFirstField<InputRef>();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors();
  const stale = useStale();
  const submitting = useSubmit(errors);
  const queryClient = useQueryClient();
  // The visit as read when the dialog opened, or re-read after a stale save.
  const [read, setRead] = useState(visit);
  const reasonAsked = read !== undefined && (read.meetingNumber ?? 0) >= 3;

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: customerKeys.visits(customerId) }),
      queryClient.invalidateQueries({ queryKey: customerKeys.discoveries(customerId) }),
      queryClient.invalidateQueries({ queryKey: customerKeys.allLists }),
    ]);
  }

  async function create(v: Values) {
    const { status: _status, thirdMeetingReason: _reason, ...fields } = fieldsOf(v);
    const input = JSON.parse(JSON.stringify({ customerId, ...fields })) as Record<string, unknown>;
    for (const key of Object.keys(input)) if (input[key] === null) delete input[key];
    const checked = validate(createVisitInput, input, currentLang(), 'visits');
    if (!checked.ok) return errors.setFields(checked.fields);
    await createVisit(checked.data);
    await refresh();
    form.resetFields();
    onClose();
  }

  async function change(existing: Visit, v: Values) {
    const base = fieldsOfVisit(existing);
    const edited = fieldsOf(v, existing.status);
    const changes = changedFields(base, edited);
    if (Object.keys(changes).length === 0) return onClose();
    const checked = validate(
      updateVisitInput,
      { ...changes, version: existing.version },
      currentLang(),
      'visits',
    );
    if (!checked.ok) return errors.setFields(checked.fields);
    let saved: Awaited<ReturnType<typeof updateVisit>>;
    try {
      saved = await updateVisit(existing.id, checked.data);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'CONFLICT.STALE')) throw error;
      // Someone saved first: load what they saved, keep what this user changed, show both.
      const latest = await getVisit(existing.id);
      await refresh();
      showRebased({
        form,
        stale,
        read: base,
        latest: fieldsOfVisit(latest),
        edited,
        version: latest.version,
        valuesOf,
        display: (_field, value) => String(value ?? t('customerEdit.empty')),
      });
      setRead(latest);
      return;
    }
    await refresh();
    for (const w of saved.warnings) message.warning(currentLang() === 'zh' ? w.zh : w.en);
    message.success(t('timeline.saved'));
    onClose();
  }

  function submit() {
    stale.clear();
    return submitting.run(() => {
      const v = form.getFieldsValue();
      return read ? change(read, v) : create(v);
    });
  }

  const initialValues: Values = visit ? valuesOf(fieldsOfVisit(visit)) : { visitOn: dayjs() };

  return (
    <FormDialog
      afterOpenChange={firstField.afterOpenChange}
      open={open}
      title={visit ? t('timeline.editVisit') : t('customers.logVisit')}
      onClose={onClose}
      onSave={submit}
      busy={submitting.busy}
    >
      <StaleAlert stale={stale.stale} />
      <FormAlert message={errors.general} />
      {/* Enter in a one-line field saves (a form without a submit button has no implicit submission). */}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        <Form.Item
          label={t('customers.visitOn')}
          name="visitOn"
          required
          {...stale.extra('visitOn')}
          {...errors.item('visitOn')}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {visit ? (
          <Form.Item
            label={t('timeline.status')}
            name="status"
            {...stale.extra('status')}
            {...errors.item('status')}
          >
            <Select
              aria-label={t('timeline.status')}
              options={VISIT_STATUSES.map((s) => ({ value: s, label: t(`method.visit.statuses.${s}`) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          label={t('customers.purpose')}
          name="purpose"
          {...stale.extra('purpose')}
          {...errors.item('purpose')}
        >
          <Input ref={firstField.ref} autoFocus onPressEnter={submit} />
        </Form.Item>
        <Form.Item
          label={t('customers.outcome')}
          name="outcome"
          {...stale.extra('outcome')}
          {...errors.item('outcome')}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          label={t('customers.nextStep')}
          name="nextStep"
          {...stale.extra('nextStep')}
          {...errors.item('nextStep')}
        >
          <Input onPressEnter={submit} />
        </Form.Item>
        {reasonAsked || errors.fields.thirdMeetingReason ? (
          <Form.Item
            label={t('method.visit.reason')}
            name="thirdMeetingReason"
            {...stale.extra('thirdMeetingReason')}
            {...errors.item('thirdMeetingReason')}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        ) : null}
      </Form>
    </FormDialog>
  );
}
