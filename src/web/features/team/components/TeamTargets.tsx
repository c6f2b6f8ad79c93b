/** The saved plan's annual target per member, beside their role and duty. */
import { Alert, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { money } from '../../../lib/format';
import type { Member } from '../../customers/api/customers-api';
import { usePlanMembers } from '../api/queues-api';

/**
 * Members with role, duty and target. The plan names its members (the names given when it
 * was made), so targets are matched to members by name; a plan member who is no longer in
 * the team still shows, without role.
 */
export function TeamTargets({ members, year }: { members: readonly Member[]; year: number }) {
  const { t } = useTranslation();
  const plan = usePlanMembers(year);
  const noPlan = plan.error instanceof ApiError && plan.error.status === 404;
  const by = plan.data?.rows[0]?.by ?? {};
  interface Line {
    key: string;
    name: string;
    member: Member | null;
    target: number | null;
  }
  const lines: Line[] = members.map((m) => ({
    key: m.id,
    name: m.name,
    member: m,
    target: by[m.name] ?? null,
  }));
  for (const [name, amount] of Object.entries(by)) {
    if (!members.some((m) => m.name === name))
      lines.push({ key: `plan:${name}`, name, member: null, target: amount });
  }
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
          {t('teamx.targets')} · {year}
        </Typography.Title>
      }
    >
      {noPlan ? (
        <Alert type="info" showIcon title={t('teamx.noPlan')} style={{ marginBottom: 12 }} />
      ) : plan.isError ? (
        <Alert type="error" showIcon title={plan.error.message} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Table<Line>
        data-testid="team-targets"
        size="small"
        rowKey="key"
        loading={plan.isPending}
        dataSource={lines}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: t('team.name'), dataIndex: 'name' },
          {
            key: 'role',
            title: t('team.role'),
            render: (_, l) => (l.member ? <Tag>{t(`roles.${l.member.role}`)}</Tag> : t('common.none')),
          },
          {
            key: 'duty',
            title: t('team.duty'),
            render: (_, l) => (l.member?.duty ? t(`duties.${l.member.duty}`) : t('common.none')),
          },
          {
            key: 'target',
            title: t('teamx.target'),
            align: 'right',
            render: (_, l) => (l.target === null ? t('common.none') : money(l.target)),
          },
        ]}
      />
    </Card>
  );
}
