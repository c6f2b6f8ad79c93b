/**
 * The method's part of the customer page: the meeting count (with the two-meeting
 * warning), the qualification checklist, the close attempts and the open next-visit plan.
 */
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Row,
  Select,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type Customer, customerRoutes } from '../../../../contract/customers.js';
import { call } from '../../../lib/api';
import { CardTitle } from '../../../lib/CardTitle';
import { Field, FormAlert, useFormErrors } from '../../../lib/forms';
import { customerKeys } from '../../customers/api/customer-keys';
import { cacheCustomer, useContacts, useVisits } from '../../customers/api/customers-api';
import { useCloseAttempts, useNextVisitPlans, useObjectionTypes } from '../api/method-api';

/** Meetings held with the customer (visits that are not cancelled). */
export function useMeetingCount(customerId: string): number | null {
  const visits = useVisits(customerId);
  if (!visits.data) return null;
  return visits.data.items.filter((v) => v.meetingNumber !== null).length;
}

/** The meeting count with the two-meeting warning. */
export function MeetingCount({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const count = useMeetingCount(customerId);
  if (count === null) return null;
  return (
    <Flex vertical gap={8}>
      <Statistic title={t('method.customer.meetings')} value={count} data-testid="meeting-count" />
      {count >= 2 ? (
        <Alert type="warning" showIcon title={t('method.customer.twoMeetings', { n: count })} />
      ) : null}
    </Flex>
  );
}

interface QualificationValues {
  kpContactId?: string | null;
  willingToSign?: 'yes' | 'no' | 'unknown';
  willingEvidence?: string;
  ableToPay?: 'yes' | 'no' | 'unknown';
  ableEvidence?: string;
  expectedFundsOn?: Dayjs | null;
}

/** The qualification checklist, saved with the customer's version. */
export function QualificationCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const q = customer.qualification;
  const contacts = useContacts(customer.id);
  const [form] = Form.useForm<QualificationValues>();
  const errors = useFormErrors();
  const queryClient = useQueryClient();
  const yn = (['yes', 'no', 'unknown'] as const).map((v) => ({
    value: v,
    label: t(`method.customer.yn.${v}`),
  }));

  async function save(v: QualificationValues) {
    errors.clear();
    const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);
    try {
      const updated = await call(customerRoutes.update, {
        params: { id: customer.id },
        body: {
          version: customer.version,
          kpContactId: v.kpContactId ?? null,
          willingToSign: v.willingToSign,
          willingEvidence: text(v.willingEvidence),
          ableToPay: v.ableToPay,
          ableEvidence: text(v.ableEvidence),
          expectedFundsOn: v.expectedFundsOn ? v.expectedFundsOn.format('YYYY-MM-DD') : null,
        },
      });
      cacheCustomer(queryClient, updated);
      await queryClient.invalidateQueries({ queryKey: customerKeys.allLists });
    } catch (error) {
      errors.fromError(error);
    }
  }

  return (
    <Card
      title={<CardTitle>{t('method.customer.qualification')}</CardTitle>}
      extra={
        q.qualified ? (
          <Tag color="green">{t('method.customer.qualified')}</Tag>
        ) : (
          <Tag color="orange">{t('method.customer.notQualified')}</Tag>
        )
      }
    >
      {q.gaps.length > 0 ? (
        <Flex gap={4} wrap style={{ marginBottom: 12 }}>
          {q.gaps.map((g) => (
            <Tag key={g} color="red">
              {t(`method.customer.gaps.${g}`)}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <FormAlert message={errors.general} />
      <Form
        form={form}
        layout="vertical"
        key={customer.version}
        onFinish={save}
        initialValues={{
          kpContactId: q.kpContactId,
          willingToSign: q.willingToSign,
          willingEvidence: q.willingEvidence ?? '',
          ableToPay: q.ableToPay,
          ableEvidence: q.ableEvidence ?? '',
          expectedFundsOn: q.expectedFundsOn ? dayjs(q.expectedFundsOn) : null,
        }}
      >
        <Field errors={errors} label={t('method.customer.kp')} name="kpContactId">
          <Select
            allowClear
            aria-label={t('method.customer.kp')}
            loading={contacts.isPending}
            options={(contacts.data?.items ?? []).map((p) => ({
              value: p.id,
              label: p.title ? `${p.name} · ${p.title}` : p.name,
            }))}
          />
        </Field>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Field errors={errors} label={t('method.customer.willing')} name="willingToSign">
              <Radio.Group optionType="button" options={yn} />
            </Field>
          </Col>
          <Col xs={24} sm={12}>
            <Field errors={errors} label={t('method.customer.able')} name="ableToPay">
              <Radio.Group optionType="button" options={yn} />
            </Field>
          </Col>
        </Row>
        <Field errors={errors} label={t('method.customer.willingEvidence')} name="willingEvidence">
          <Input />
        </Field>
        <Field errors={errors} label={t('method.customer.ableEvidence')} name="ableEvidence">
          <Input />
        </Field>
        <Field errors={errors} label={t('method.customer.fundsOn')} name="expectedFundsOn">
          <DatePicker style={{ width: '100%' }} />
        </Field>
        <Button type="primary" htmlType="submit">
          {t('method.customer.saveQualification')}
        </Button>
      </Form>
    </Card>
  );
}

/** The customer's close attempts with their count. */
export function CloseAttemptsCard({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const attempts = useCloseAttempts(customerId);
  const catalog = useObjectionTypes();
  const label = (key: string | null) => {
    const e = catalog.data?.find((x) => x.key === key);
    return e ? (zh ? e.labelZh : e.labelEn) : key;
  };
  const reply = (key: string | null, id: string | null) => {
    const r = catalog.data?.find((x) => x.key === key)?.replies.find((x) => x.id === id);
    return r ? (zh ? r.zh : r.en) : null;
  };
  return (
    <Card
      title={<CardTitle>{t('method.customer.closeAttempts')}</CardTitle>}
      extra={
        attempts.data ? (
          <Tag data-testid="attempt-count">
            {t('method.customer.attemptsCount', { n: attempts.data.count })}
          </Tag>
        ) : null
      }
    >
      <List
        loading={attempts.isPending}
        dataSource={[...(attempts.data?.items ?? [])].reverse()}
        locale={{ emptyText: t('method.customer.noAttempts') }}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  <Typography.Text strong>{a.attemptedOn}</Typography.Text>{' '}
                  <Tag color={a.result === 'signed' ? 'green' : a.result === 'stall' ? 'gold' : 'red'}>
                    {t(`method.visit.results.${a.result}`)}
                  </Tag>
                  {a.objectionKey ? label(a.objectionKey) : null}
                  {a.response ? (
                    <Tag style={{ marginInlineStart: 4 }}>{t(`method.visit.responses.${a.response}`)}</Tag>
                  ) : null}
                </span>
              }
              description={
                <>
                  {a.customerWords ? (
                    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                      “{a.customerWords}”
                    </Typography.Paragraph>
                  ) : null}
                  {a.replyText || a.replyId ? (
                    <Typography.Text type="secondary">
                      → {a.replyText ?? reply(a.objectionKey, a.replyId) ?? a.replyId}
                    </Typography.Text>
                  ) : null}
                  {a.concern ? (
                    <div>
                      {t('method.visit.concern')}: {a.concern}
                    </div>
                  ) : null}
                  {a.fundsOn ? (
                    <div>
                      {t('method.visit.fundsOn')}: {a.fundsOn}
                    </div>
                  ) : null}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The open next-visit plan (the first open one). */
export function NextVisitPlanCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const plans = useNextVisitPlans(customerId);
  const open = plans.data?.find((p) => p.status === 'open');
  return (
    <Card title={<CardTitle>{t('method.customer.nextVisit')}</CardTitle>} loading={plans.isPending}>
      {open ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('method.customer.goal')}>{open.goal}</Descriptions.Item>
          {open.meetWhom.length > 0 ? (
            <Descriptions.Item label={t('method.customer.whom')}>
              {open.meetWhom.join('、')}
            </Descriptions.Item>
          ) : null}
          {open.bring ? (
            <Descriptions.Item label={t('method.customer.bring')}>{open.bring}</Descriptions.Item>
          ) : null}
          {open.plannedOn ? (
            <Descriptions.Item label={t('method.customer.on')}>{open.plannedOn}</Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('method.customer.noPlan')}</Typography.Text>
      )}
    </Card>
  );
}
