/** Step 5 of Log a visit: the visit's next step and a follow-up, then the finish. */
import { Button, DatePicker, Flex, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { LogVisitFlow } from './log-visit-flow';

/** The next-step form; a follow-up in three days is proposed. */
export function NextStep({ flow }: { flow: LogVisitFlow }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const item = flow.errors.item;
  return (
    <Form
      form={flow.forms.nextForm}
      layout="vertical"
      onFinish={flow.finish}
      initialValues={{ dueOn: dayjs().add(3, 'day'), kind: zh ? '回访' : 'call back' }}
    >
      <Form.Item label={t('customers.nextStep')} name="nextStep" {...item('nextStep')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('method.visit.followUpOn')} name="dueOn" {...item('dueOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('method.visit.followUpKind')} name="kind" {...item('kind')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('method.visit.followUpNotes')} name="notes" {...item('notes')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={flow.busy} block>
        {t('method.visit.finish')}
      </Button>
      <Flex style={{ marginTop: 8 }}>
        <Button onClick={() => flow.go(3)}>{t('common.back')}</Button>
      </Flex>
    </Form>
  );
}
