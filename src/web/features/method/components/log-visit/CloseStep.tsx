/**
 * Step 4 of Log a visit: the close attempt. Signed asks for the amount (the deal is created
 * with the attempt); an objection or stall names its catalog entry, offers the entry's
 * scripted replies (or one's own words) and the fields its stall needs — the concern, the
 * funds date, the next visit with the chairman.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useObjectionTypes } from '../../api/method-api';
import type { LogVisitFlow } from './log-visit-flow';
import { StepNav } from './StepNav';

/** The close form, or the attempt saved with what it created. */
export function CloseStep({ flow }: { flow: LogVisitFlow }) {
  const { t } = useTranslation();
  const { attempt } = flow.state;
  if (attempt) {
    return (
      <Flex vertical gap={12}>
        <Alert
          type="success"
          showIcon
          data-testid="attempt-saved"
          title={t('method.visit.attemptSaved', { n: attempt.attemptNumber })}
          description={
            attempt.created.followUps.length > 0
              ? t('method.visit.createdFollowUps', { n: attempt.created.followUps.length })
              : undefined
          }
        />
        <Button icon={<PlusOutlined aria-hidden />} onClick={flow.anotherAttempt}>
          {t('method.visit.another')}
        </Button>
        <StepNav flow={flow} />
      </Flex>
    );
  }
  return <CloseForm flow={flow} />;
}

function CloseForm({ flow }: { flow: LogVisitFlow }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const catalog = useObjectionTypes();
  const form = flow.forms.closeForm;
  const result = Form.useWatch('result', form) as 'signed' | 'objection' | 'stall' | undefined;
  const objectionKey = Form.useWatch('objectionKey', form) as string | undefined;
  const replyId = Form.useWatch('replyId', form) as string | undefined;
  const item = flow.errors.item;
  const entries = (catalog.data ?? []).filter((e) => !e.archived && e.kind === result);
  const entry = entries.find((e) => e.key === objectionKey);
  return (
    <Form form={form} layout="vertical" onFinish={flow.saveAttempt}>
      <Form.Item label={t('method.visit.result')} name="result" {...item('result')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          onChange={() => form.setFieldsValue({ objectionKey: undefined, replyId: undefined })}
          options={(['signed', 'objection', 'stall'] as const).map((r) => ({
            value: r,
            label: t(`method.visit.results.${r}`),
          }))}
        />
      </Form.Item>
      {result === 'signed' ? (
        <Form.Item label={t('method.visit.amount')} name="amount" required {...item('deal.amountMinor')}>
          <Input inputMode="decimal" />
        </Form.Item>
      ) : null}
      {result === 'objection' || result === 'stall' ? (
        <>
          <Form.Item
            label={t('method.visit.objectionType')}
            name="objectionKey"
            required
            {...item('objectionKey')}
          >
            <Select
              aria-label={t('method.visit.objectionType')}
              loading={catalog.isPending}
              onChange={() => form.setFieldsValue({ replyId: undefined })}
              options={entries.map((e) => ({ value: e.key, label: zh ? e.labelZh : e.labelEn }))}
            />
          </Form.Item>
          {entry ? (
            <Form.Item label={t('method.visit.replies')} name="replyId" {...item('replyId')}>
              <Radio.Group style={{ width: '100%' }}>
                <Flex vertical gap={8} style={{ width: '100%' }}>
                  {entry.replies.map((r) => (
                    <Radio key={r.id} value={r.id} style={{ whiteSpace: 'normal' }}>
                      {zh ? r.zh : r.en}
                    </Radio>
                  ))}
                  <Radio value="own">{t('method.visit.ownWords')}</Radio>
                </Flex>
              </Radio.Group>
            </Form.Item>
          ) : null}
          {replyId === 'own' ? (
            <Form.Item label={t('method.visit.replyText')} name="replyText" {...item('replyText')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          ) : null}
          <Form.Item label={t('method.visit.customerWords')} name="customerWords" {...item('customerWords')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label={t('method.visit.response')} name="response" {...item('response')}>
            <Radio.Group
              options={(['resolved', 'unresolved'] as const).map((r) => ({
                value: r,
                label: t(`method.visit.responses.${r}`),
              }))}
            />
          </Form.Item>
          {objectionKey === 'think_about_it' ? (
            <Form.Item label={t('method.visit.concern')} name="concern" required {...item('concern')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          ) : null}
          {objectionKey === 'no_money' ? (
            <Form.Item label={t('method.visit.fundsOn')} name="fundsOn" required {...item('fundsOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          {objectionKey === 'ask_chairman' ? (
            <>
              <Form.Item label={t('method.visit.nextGoal')} name="nextGoal" {...item('nextVisit.goal')}>
                <Input />
              </Form.Item>
              <Form.Item label={t('method.visit.meetWhom')} name="meetWhom" {...item('nextVisit.meetWhom')}>
                <Input />
              </Form.Item>
              <Form.Item label={t('method.visit.bring')} name="bring" {...item('nextVisit.bring')}>
                <Input />
              </Form.Item>
              <Form.Item
                label={t('method.visit.plannedOn')}
                name="plannedOn"
                {...item('nextVisit.plannedOn')}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : null}
        </>
      ) : null}
      <Button type="primary" htmlType="submit" loading={flow.busy} block disabled={!result}>
        {t('method.visit.saveAttempt')}
      </Button>
      <StepNav flow={flow} />
    </Form>
  );
}
