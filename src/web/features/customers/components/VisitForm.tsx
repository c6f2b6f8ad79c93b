/**
 * Logging a visit to a customer, or changing one already logged. Changing sends only the
 * fields that changed with the version read; when someone else changed the visit
 * meanwhile, the newest version is loaded and the user's typing is kept for a second save.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createVisitInput,
  updateVisitInput,
  VISIT_STATUSES,
  type Visit,
} from '../../../../app/visits/visit-schema.js';
import { ApiError } from '../../../lib/api';
import { currentLang } from '../../../lib/format';
import { FormAlert, useFormErrors } from '../../../lib/forms';
import { validate } from '../../../lib/validate';
import { createVisit } from '../api/customers-api';
import { updateVisit } from '../api/visits-api';
import '../i18n-customers';

interface Values {
  visitOn?: Dayjs;
  status?: Visit['status'];
  purpose?: string;
  outcome?: string;
  nextStep?: string;
  thirdMeetingReason?: string;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The form's values as the API's fields (empty text is "no value"). */
function fieldsOf(v: Values) {
  return {
    visitOn: v.visitOn?.format('YYYY-MM-DD') ?? '',
    status: v.status,
    purpose: blank(v.purpose) ?? null,
    outcome: blank(v.outcome) ?? null,
    nextStep: blank(v.nextStep) ?? null,
    thirdMeetingReason: blank(v.thirdMeetingReason) ?? null,
  };
}

/** Only what differs from the stored visit, so a save never overwrites fields the user left alone. */
function changesOf(visit: Visit, v: Values): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fieldsOf(v))) {
    if (value !== visit[key as keyof Visit]) changes[key] = value;
  }
  return changes;
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
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const reasonAsked = visit !== undefined && (visit.meetingNumber ?? 0) >= 3;

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['visits', customerId] }),
      queryClient.invalidateQueries({ queryKey: ['discoveries', customerId] }),
      queryClient.invalidateQueries({ queryKey: ['customers'] }),
    ]);
  }

  async function create(v: Values) {
    const { status: _status, thirdMeetingReason: _reason, ...fields } = fieldsOf(v);
    const input = JSON.parse(JSON.stringify({ customerId, ...fields })) as Record<string, unknown>;
    for (const key of Object.keys(input)) if (input[key] === null) delete input[key];
    const checked = validate(createVisitInput, input, currentLang());
    if (!checked.ok) return errors.setFields(checked.fields);
    await createVisit(checked.data);
    await refresh();
    form.resetFields();
    onClose();
  }

  async function change(existing: Visit, v: Values) {
    const changes = changesOf(existing, v);
    if (Object.keys(changes).length === 0) return onClose();
    const checked = validate(updateVisitInput, { ...changes, version: existing.version }, currentLang());
    if (!checked.ok) return errors.setFields(checked.fields);
    const saved = await updateVisit(existing.id, checked.data);
    await refresh();
    for (const w of saved.warnings) message.warning(currentLang() === 'zh' ? w.zh : w.en);
    message.success(t('timeline.saved'));
    onClose();
  }

  async function submit() {
    errors.clear();
    setBusy(true);
    try {
      const v = form.getFieldsValue();
      await (visit ? change(visit, v) : create(v));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT.STALE') {
        // The list refetches the newest version; the fields keep what the user typed.
        await refresh();
        errors.fromError(new Error(t('timeline.stale')));
      } else {
        errors.fromError(error);
      }
    } finally {
      setBusy(false);
    }
  }

  const initialValues: Values = visit
    ? {
        visitOn: dayjs(visit.visitOn),
        status: visit.status,
        purpose: visit.purpose ?? undefined,
        outcome: visit.outcome ?? undefined,
        nextStep: visit.nextStep ?? undefined,
        thirdMeetingReason: visit.thirdMeetingReason ?? undefined,
      }
    : { visitOn: dayjs() };

  return (
    <Modal
      open={open}
      title={visit ? t('timeline.editVisit') : t('customers.logVisit')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <FormAlert message={errors.general} />
      {/* Enter in a one-line field saves (a form without a submit button has no implicit submission). */}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        <Form.Item label={t('customers.visitOn')} name="visitOn" required {...errors.item('visitOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {visit ? (
          <Form.Item label={t('timeline.status')} name="status" {...errors.item('status')}>
            <Select
              aria-label={t('timeline.status')}
              options={VISIT_STATUSES.map((s) => ({ value: s, label: t(`method.visit.statuses.${s}`) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('customers.purpose')} name="purpose" {...errors.item('purpose')}>
          <Input autoFocus onPressEnter={submit} />
        </Form.Item>
        <Form.Item label={t('customers.outcome')} name="outcome" {...errors.item('outcome')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label={t('customers.nextStep')} name="nextStep" {...errors.item('nextStep')}>
          <Input onPressEnter={submit} />
        </Form.Item>
        {reasonAsked || errors.fields.thirdMeetingReason ? (
          <Form.Item
            label={t('method.visit.reason')}
            name="thirdMeetingReason"
            {...errors.item('thirdMeetingReason')}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
