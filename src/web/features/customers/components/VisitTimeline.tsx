/**
 * A customer's visits, newest first: the meeting number (the third-meeting rule), what was
 * found out (the discovery answers with the question they answered, the pains and needs),
 * the outcome and the next step — each visit editable and deletable.
 */
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoveryChainView, VisitDiscovery } from '../../../../contract/method.js';
import type { Visit } from '../../../../contract/visits.js';
import { PAIN_CATEGORIES } from '../../../../domain/method/discovery.js';
import { currentLang } from '../../../lib/format';
import { customerKeys } from '../api/customer-keys';
import { useVisits } from '../api/customers-api';
import { deleteVisit, useDiscoveries, useDiscoveryChainVersions } from '../api/visits-api';
import { VisitForm } from './VisitForm';
import '../i18n-customers';

/** The timeline list (its card and header buttons are the page's). */
export function VisitTimeline({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const visits = useVisits(customerId);
  const discoveries = useDiscoveries(customerId);
  const chains = useDiscoveryChainVersions();
  const [editing, setEditing] = useState<Visit | null>(null);
  const byVisit = useMemo(
    () => new Map((discoveries.data ?? []).map((d) => [d.visitId, d])),
    [discoveries.data],
  );

  return (
    <>
      <List
        loading={visits.isPending}
        dataSource={visits.data?.items ?? []}
        locale={{ emptyText: t('customers.noVisits') }}
        renderItem={(v) => (
          <List.Item
            data-testid="visit-item"
            actions={[
              <Button
                key="edit"
                type="text"
                size="small"
                icon={<EditOutlined aria-hidden />}
                aria-label={`${t('common.edit')} ${v.visitOn}`}
                onClick={() => setEditing(v)}
              />,
              <DeleteVisitButton key="delete" visit={v} />,
            ]}
          >
            <List.Item.Meta
              title={
                <span>
                  <Typography.Text strong>{v.visitOn}</Typography.Text>{' '}
                  {v.meetingNumber !== null ? (
                    <Tag color={v.meetingNumber >= 3 ? 'orange' : undefined}>
                      {t('method.customer.meetingNo', { n: v.meetingNumber })}
                    </Tag>
                  ) : null}
                  {v.status !== 'done' ? <Tag>{t(`method.visit.statuses.${v.status}`)}</Tag> : null}
                  {v.purpose ?? ''}
                </span>
              }
              description={
                <Flex vertical gap={4}>
                  {v.outcome ? (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {v.outcome}
                    </Typography.Paragraph>
                  ) : null}
                  {v.thirdMeetingReason ? (
                    <Typography.Text type="warning">
                      {t('method.visit.reason')}: {v.thirdMeetingReason}
                    </Typography.Text>
                  ) : null}
                  <DiscoveryDetails discovery={byVisit.get(v.id)} chains={chains.data} />
                  {v.nextStep ? (
                    <Typography.Text type="secondary">
                      {t('customers.nextStep')}: {v.nextStep}
                    </Typography.Text>
                  ) : null}
                </Flex>
              }
            />
          </List.Item>
        )}
      />
      {editing ? (
        <VisitForm customerId={customerId} visit={editing} open onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

/** The visit's discovery answers (question → answer) and pains (category → need); nothing when none. */
function DiscoveryDetails({
  discovery,
  chains,
}: {
  discovery: VisitDiscovery | undefined;
  chains: DiscoveryChainView[] | undefined;
}) {
  const { t } = useTranslation();
  const zh = currentLang() === 'zh';
  if (!discovery || (discovery.answers.length === 0 && discovery.pains.length === 0)) return null;
  const chain = chains?.find((c) => c.version === discovery.discoveryVersion);
  const questionText = (id: string) => {
    const q = chain?.questions.find((x) => x.id === id);
    if (q) return zh ? q.zh : q.en;
    return t('timeline.unknownQuestion', { id, version: discovery.discoveryVersion });
  };
  const categoryText = (key: string) => {
    const c = PAIN_CATEGORIES.find((p) => p.key === key);
    return c ? (zh ? c.zh : c.en) : key;
  };
  const answered = discovery.answers.filter((a) => a.answer.trim() !== '');
  return (
    <Flex vertical gap={4} data-testid="visit-discovery" style={{ marginTop: 4 }}>
      {answered.length > 0 ? (
        <Descriptions
          size="small"
          column={1}
          layout="vertical"
          bordered
          title={<span style={{ fontSize: 13 }}>{t('timeline.discovery')}</span>}
          items={answered.map((a) => ({
            key: a.questionId,
            label: questionText(a.questionId),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.answer}</span>,
          }))}
        />
      ) : null}
      {discovery.pains.length > 0 ? (
        <div>
          <Typography.Text strong style={{ fontSize: 13 }}>
            {t('timeline.pains')}
          </Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {discovery.pains.map((p, i) => (
              // Pains have no id; their order is what the salesperson wrote.
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered here
              <li key={i} data-testid="visit-pain">
                <Tag color="volcano">{categoryText(p.category)}</Tag>
                {p.need}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Flex>
  );
}

/** Delete with a confirmation that says what goes with the visit. */
function DeleteVisitButton({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  async function remove() {
    setBusy(true);
    try {
      await deleteVisit(visit.id);
      await Promise.all(
        [
          customerKeys.visits(visit.customerId),
          customerKeys.discoveries(visit.customerId),
          customerKeys.allLists,
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      message.success(t('timeline.deleted'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Popconfirm
      title={t('timeline.deleteVisit')}
      description={<div style={{ maxWidth: 280 }}>{t('timeline.deleteVisitHint')}</div>}
      okText={t('common.delete')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={remove}
    >
      <Button
        type="text"
        size="small"
        danger
        loading={busy}
        icon={<DeleteOutlined aria-hidden />}
        aria-label={`${t('common.delete')} ${visit.visitOn}`}
      />
    </Popconfirm>
  );
}
