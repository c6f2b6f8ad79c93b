/** Step 5 of Log a visit: the visit's next step and a follow-up, then the finish. */
import { Button, DatePicker, Flex, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Field, SubmitButton } from '../../../../lib/forms';
import type { LogVisitFlow } from './log-visit-flow';

/** The next-step form; a follow-up in three days is proposed. */
export function NextStep({ flow }: { flow: LogVisitFlow }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  return (
    <Form
      form={flow.forms.nextForm}
      layout="vertical"
      onFinish={flow.finish}
      initialValues={{ dueOn: dayjs().add(3, 'day'), kind: zh ? '回访' : 'call back' }}
    >
      <Field errors={flow.errors} label={t('customers.nextStep')} name="nextStep">
        <Input />
      </Field>
      <Field errors={flow.errors} label={t('method.visit.followUpOn')} name="dueOn">
        <DatePicker style={{ width: '100%' }} />
      </Field>
      <Field errors={flow.errors} label={t('method.visit.followUpKind')} name="kind">
        <Input />
      </Field>
      <Field errors={flow.errors} label={t('method.visit.followUpNotes')} name="notes">
        <Input.TextArea rows={2} />
      </Field>
      <SubmitButton busy={flow.busy}>{t('method.visit.finish')}</SubmitButton>
      <Flex style={{ marginTop: 8 }}>
        <Button onClick={() => flow.go(3)}>{t('common.back')}</Button>
      </Flex>
    </Form>
  );
}
