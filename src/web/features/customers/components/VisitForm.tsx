/**
 * Logging a visit to a customer, or changing one already logged. Changing sends only the
 * fields that changed with the version read; when someone else saved first, the latest
 * visit is loaded with the user's own changes on top (lib/edits.ts), and the fields the
 * other person changed are pointed out, so a second save loses neither side's change.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  createVisitInput,
  updateVisitInput,
  VISIT_STATUSES,
  type Visit,
} from '../../../../contract/visits.js';
import { currentLang } from '../../../lib/format';
import { Field } from '../../../lib/forms';
import { customerKeys } from '../api/customer-keys';
import { createVisit } from '../api/customers-api';
import { getVisit, updateVisit } from '../api/visits-api';
import '../i18n-customers';
import { EditDialog, useEditDialog } from './EditDialog';

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
  const { t } = useTranslation();
  const { message } = App.useApp();
  const dialog = useEditDialog({
    record: visit,
    open,
    onClose,
    fieldsOf: fieldsOfVisit,
    valuesOf,
    display: (_field, value) => String(value ?? t('customerEdit.empty')),
  });
  const { form, errors, read } = dialog;
  const queryClient = useQueryClient();
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
    const checked = errors.check(createVisitInput, input, 'visits');
    if (!checked) return;
    await createVisit(checked);
    await refresh();
    form.resetFields();
    onClose();
  }

  async function change(existing: Visit, v: Values) {
    const outcome = await dialog.saveChanges(existing, fieldsOf(v, existing.status), {
      check: (changes) => errors.check(updateVisitInput, { ...changes, version: existing.version }, 'visits'),
      save: (body) => updateVisit(existing.id, body),
      reload: async () => {
        const latest = await getVisit(existing.id);
        await refresh();
        return latest;
      },
    });
    if (outcome === 'invalid' || outcome === 'stale') return;
    if (outcome !== 'unchanged') {
      await refresh();
      for (const w of outcome.saved.warnings) message.warning(currentLang() === 'zh' ? w.zh : w.en);
      message.success(t('timeline.saved'));
    }
    onClose();
  }

  const submit = () => dialog.submit((v, existing) => (existing ? change(existing, v) : create(v)));

  return (
    <EditDialog
      dialog={dialog}
      title={visit ? t('timeline.editVisit') : t('customers.logVisit')}
      initialValues={visit ? valuesOf(fieldsOfVisit(visit)) : { visitOn: dayjs() }}
      onSave={submit}
    >
      {/* Enter in a one-line field saves (a form without a submit button has no implicit submission). */}
      <Field {...dialog.field} label={t('customers.visitOn')} name="visitOn" required>
        <DatePicker style={{ width: '100%' }} />
      </Field>
      {visit ? (
        <Field {...dialog.field} label={t('common.status')} name="status">
          <Select
            aria-label={t('common.status')}
            options={VISIT_STATUSES.map((s) => ({ value: s, label: t(`method.visit.statuses.${s}`) }))}
          />
        </Field>
      ) : null}
      <Field {...dialog.field} label={t('customers.purpose')} name="purpose">
        <Input ref={dialog.firstField.ref} autoFocus onPressEnter={submit} />
      </Field>
      <Field {...dialog.field} label={t('customers.outcome')} name="outcome">
        <Input.TextArea rows={3} />
      </Field>
      <Field {...dialog.field} label={t('customers.nextStep')} name="nextStep">
        <Input onPressEnter={submit} />
      </Field>
      {reasonAsked || errors.fields.thirdMeetingReason ? (
        <Field {...dialog.field} label={t('method.visit.reason')} name="thirdMeetingReason">
          <Input.TextArea rows={2} />
        </Field>
      ) : null}
    </EditDialog>
  );
}
