/**
 * The assistants' queues: a prospecting assistant's stalest leads with the weekly quota and
 * the hand-off to the salesperson (the server's "not qualified" answer shows on the row),
 * and an after-sales assistant's customers, repeat candidates and funds arriving.
 */
import { SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardTitle } from '../../../lib/CardTitle';
import { moneyColumn } from '../../../lib/format';
import type { Member } from '../../customers/api/customers-api';
import { handoffCustomer, useAfterSalesQueue, useProspectingQueue } from '../api/queues-api';
import { teamKeys } from '../api/team-keys';

/** One assistant's queue card: its heading, and the queue's error when it could not load. */
function QueueCard({
  title,
  testId,
  error,
  children,
}: {
  title: string;
  testId: string;
  error: Error | null;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0, whiteSpace: 'normal' }}>
          {title}
        </Typography.Title>
      }
      data-testid={testId}
    >
      {error ? <Alert type="error" showIcon title={error.message} role="alert" /> : null}
      {children}
    </Card>
  );
}

/** A queue's table of customers: loading with the queue, paged past `pageSize` rows. */
function QueueTable<T extends { customerId: string }>({
  rows,
  pageSize,
  loading,
  columns,
  testId,
}: {
  rows: readonly T[];
  pageSize: number;
  loading: boolean;
  columns: TableColumnsType<T>;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<T>
      data-testid={testId}
      size="small"
      rowKey="customerId"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      locale={{ emptyText: t('common.empty') }}
      columns={columns}
    />
  );
}

/** Both kinds of queue, one card per assistant. */
export function AssistantQueues({ members }: { members: readonly Member[] }) {
  const { t } = useTranslation();
  const assistants = members.filter((m) => m.role === 'assistant' && m.duty);
  return (
    <Card title={<CardTitle>{t('teamx.queues')}</CardTitle>}>
      {assistants.length === 0 ? (
        <Empty description={t('teamx.noAssistants')} />
      ) : (
        <Row gutter={[16, 16]}>
          {assistants.map((a) => (
            <Col xs={24} key={a.id}>
              {a.duty === 'prospecting' ? (
                <ProspectingQueueCard member={a} />
              ) : (
                <AfterSalesQueueCard member={a} />
              )}
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

function ProspectingQueueCard({ member }: { member: Member }) {
  const { t } = useTranslation();
  const queue = useProspectingQueue(member.id);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const q = queue.data;

  async function handoff(customerId: string, name: string) {
    setBusy(customerId);
    setErrors(({ [customerId]: _, ...rest }) => rest);
    try {
      await handoffCustomer(customerId, 'to_lead');
      message.success(`${name}: ${t('teamx.handedOff')}`);
      await queryClient.invalidateQueries({ queryKey: teamKeys.allQueues });
    } catch (e) {
      setErrors((prev) => ({ ...prev, [customerId]: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  }

  type Item = NonNullable<typeof q>['items'][number];
  return (
    <QueueCard
      title={t('teamx.prospecting', { name: member.name })}
      testId="queue-prospecting"
      error={queue.error}
    >
      {q ? (
        <Typography.Paragraph type="secondary" data-testid="queue-weekly">
          {q.weeklyQuota === null
            ? t('teamx.weeklyNone', { done: q.thisWeek })
            : t('teamx.weekly', { done: q.thisWeek, quota: q.weeklyQuota })}
        </Typography.Paragraph>
      ) : null}
      <QueueTable<Item>
        rows={q?.items ?? []}
        pageSize={8}
        loading={queue.isPending}
        columns={[
          {
            key: 'name',
            title: t('sem.customer'),
            render: (_, i) => (
              <Flex vertical gap={4}>
                <a href={`/customers/${i.customerId}`}>{i.name}</a>
                {errors[i.customerId] ? (
                  <Typography.Text type="danger" role="alert" style={{ maxWidth: 320, whiteSpace: 'normal' }}>
                    {errors[i.customerId]}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            key: 'class',
            title: t('customers.class'),
            render: (_, i) => t(`classes.${i.class}`, { defaultValue: i.class }),
          },
          {
            key: 'status',
            title: t('common.status'),
            render: (_, i) => <Tag>{t(`statuses.${i.status}`)}</Tag>,
          },
          { key: 'last', title: t('teamx.lastVisit'), render: (_, i) => i.lastVisitOn ?? t('common.none') },
          { key: 'days', title: t('teamx.daysSince'), dataIndex: 'daysSince', align: 'right' },
          {
            key: 'handoff',
            title: '',
            render: (_, i) => (
              <Button
                size="small"
                icon={<SendOutlined aria-hidden />}
                loading={busy === i.customerId}
                onClick={() => handoff(i.customerId, i.name)}
                aria-label={`${t('teamx.handoff')} ${i.name}`}
              >
                {t('teamx.handoff')}
              </Button>
            ),
          },
        ]}
      />
    </QueueCard>
  );
}

function AfterSalesQueueCard({ member }: { member: Member }) {
  const { t } = useTranslation();
  const queue = useAfterSalesQueue(member.id);
  const q = queue.data;
  type Item = NonNullable<typeof q>['items'][number];
  // One unit per amount column (format-amount.ts).
  const lastAmount = moneyColumn(
    (q?.repeatCandidates ?? []).flatMap((i) =>
      i.lastDealAmountMinor === null ? [] : [i.lastDealAmountMinor],
    ),
  );
  const outstanding = moneyColumn((q?.upcomingFunds ?? []).map((f) => f.outstandingMinor));
  const columns = [
    {
      key: 'name',
      title: t('sem.customer'),
      render: (_: unknown, i: Item) => <a href={`/customers/${i.customerId}`}>{i.name}</a>,
    },
    {
      key: 'class',
      title: t('customers.class'),
      render: (_: unknown, i: Item) => t(`classes.${i.class}`, { defaultValue: i.class }),
    },
    {
      key: 'last',
      title: t('teamx.lastDeal'),
      render: (_: unknown, i: Item) => i.lastDealOn ?? t('common.none'),
    },
    {
      key: 'amount',
      title: t('teamx.lastAmount'),
      align: 'right' as const,
      render: (_: unknown, i: Item) =>
        i.lastDealAmountMinor === null ? t('common.none') : lastAmount(i.lastDealAmountMinor),
    },
  ];
  return (
    <QueueCard
      title={t('teamx.afterSales', { name: member.name })}
      testId="queue-after-sales"
      error={queue.error}
    >
      <QueueTable rows={q?.items ?? []} pageSize={6} loading={queue.isPending} columns={columns} />
      <Typography.Title level={4} style={{ fontSize: 14, marginTop: 16 }}>
        {t('teamx.repeat')} ({q?.repeatCandidates.length ?? 0})
      </Typography.Title>
      <QueueTable
        testId="repeat-candidates"
        rows={q?.repeatCandidates ?? []}
        pageSize={6}
        loading={queue.isPending}
        columns={columns}
      />
      {q && q.upcomingFunds.length > 0 ? (
        <>
          <Typography.Title level={4} style={{ fontSize: 14, marginTop: 16 }}>
            {t('teamx.upcomingFunds')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="dealId"
            dataSource={q.upcomingFunds}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'name', title: t('sem.customer'), dataIndex: 'name' },
              { key: 'on', title: t('teamx.fundsOn'), dataIndex: 'expectedFundsOn' },
              {
                key: 'out',
                title: t('teamx.outstanding'),
                align: 'right',
                render: (_, f) => outstanding(f.outstandingMinor),
              },
            ]}
          />
        </>
      ) : null}
    </QueueCard>
  );
}
