/**
 * Step 1 of Log a visit: the meeting. Before saving it shows the meeting's number (the
 * server's count of the customer's meetings + 1) and, from the third on, the warning with
 * the workspace's policy; after saving, the number the server gave and its warnings.
 */
import { Alert, DatePicker, Flex, Form, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { WorkspaceSettings } from '../../../../../contract/settings.js';
import { Field, SubmitButton } from '../../../../lib/forms';
import type { LogVisitFlow } from './log-visit-flow';
import { StepNav } from './StepNav';

/** The meeting form, or what the server answered once it is saved. */
export function MeetingStep({
  flow,
  meetings,
  policy,
}: {
  flow: LogVisitFlow;
  /** The customer's meetings so far, as the server counts them. */
  meetings: number;
  policy: WorkspaceSettings['thirdMeetingPolicy'];
}) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const form = flow.forms.meetingForm;
  const status = (Form.useWatch('status', form) as string | undefined) ?? 'done';
  const { visit, needReason } = flow.state;

  if (visit) {
    return (
      <Flex vertical gap={12}>
        <Alert type="success" showIcon title={t('method.visit.saved', { n: visit.meetingNumber ?? '—' })} />
        {visit.warnings.map((w) => (
          <Alert
            key={w.code}
            type="warning"
            showIcon
            data-testid="visit-warning"
            title={t('method.visit.serverWarning')}
            description={zh ? w.zh : w.en}
          />
        ))}
        <StepNav flow={flow} />
      </Flex>
    );
  }

  const nextNumber = meetings + 1;
  const third = status !== 'cancelled' && nextNumber >= 3;
  const reasonShown = third && (policy === 'require_reason' || needReason);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ visitOn: dayjs(), status: 'done' }}
      onFinish={() => flow.saveMeeting(reasonShown)}
    >
      <Field errors={flow.errors} label={t('method.visit.visitOn')} name="visitOn" required>
        <DatePicker style={{ width: '100%' }} allowClear={false} />
      </Field>
      <Field errors={flow.errors} label={t('common.status')} name="status">
        <Radio.Group
          optionType="button"
          options={(['done', 'planned', 'cancelled'] as const).map((s) => ({
            value: s,
            label: t(`method.visit.statuses.${s}`),
          }))}
        />
      </Field>
      {status !== 'cancelled' ? (
        <Alert
          type={third ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="meeting-number"
          title={t('method.visit.meetingNumber', { n: nextNumber })}
          description={
            third ? (
              <span data-testid="third-meeting-warning">
                {t('method.visit.thirdWarning')}{' '}
                {policy === 'block'
                  ? t('method.visit.policyBlock')
                  : policy === 'require_reason'
                    ? t('method.visit.policyReason')
                    : t('method.visit.policyWarn')}
              </span>
            ) : undefined
          }
        />
      ) : null}
      {reasonShown ? (
        <Field errors={flow.errors} label={t('method.visit.reason')} name="thirdMeetingReason" required>
          <Input.TextArea rows={2} />
        </Field>
      ) : null}
      <Field errors={flow.errors} label={t('customers.purpose')} name="purpose">
        <Input />
      </Field>
      <Field errors={flow.errors} label={t('customers.outcome')} name="outcome">
        <Input.TextArea rows={2} />
      </Field>
      <SubmitButton busy={flow.busy}>{t('method.visit.saveVisit')}</SubmitButton>
    </Form>
  );
}
