/**
 * Seminars (会销): the list, creating and editing (managers and leads), a seminar's
 * invitation quotas per city and class, inviting customers, RSVP and attendance, and the
 * sign rate of attendees per seminar against customers who only had meetings.
 */
import { EditOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { InputRef } from 'antd';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Spin,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createSeminarInput, updateSeminarInput } from '../../../../contract/seminars.js';
import { CardTitle } from '../../../lib/CardTitle';
import { EChart } from '../../../lib/EChart';
import { currentLang } from '../../../lib/format';
import { Field, FormAlert, FormDialog, useFirstField, useFormErrors, useSubmit } from '../../../lib/forms';
import { PageHeader } from '../../../lib/PageHeader';
import type { Me } from '../../auth/api/auth-api';
import { useToday } from '../../method/api/method-api';
import { seminarKeys } from '../api/seminar-keys';
import {
  createSeminar,
  type Invitation,
  inviteCustomers,
  type Seminar,
  type SeminarQuotas,
  updateInvitation,
  updateSeminar,
  useCustomerDirectory,
  useInvitations,
  useQuotas,
  useSeminarStats,
  useSeminars,
} from '../api/seminars-api';

const STATUS_COLOR = { planned: 'blue', held: 'green', cancelled: 'default' } as const;
const CLASSES = ['A', 'B', 'C', 'new'] as const;

/** The seminars page. */
export function SeminarsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const seminars = useSeminars();
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Seminar | 'new' | null>(null);
  const canEdit = me.role === 'manager' || me.role === 'lead';
  const items = seminars.data?.items ?? [];
  const current = items.find((s) => s.id === selected) ?? null;

  return (
    <Flex vertical gap={16}>
      <Card>
        <PageHeader title={t('sem.title')} style={{ marginBottom: 16 }}>
          {canEdit ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('sem.create')}
            </Button>
          ) : null}
        </PageHeader>
        {seminars.isError ? (
          <Alert type="error" showIcon title={seminars.error.message} role="alert" />
        ) : null}
        <Table<Seminar>
          data-testid="seminar-list"
          rowKey="id"
          size="small"
          loading={seminars.isPending}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          locale={{ emptyText: t('sem.none') }}
          rowClassName={(s) => (s.id === selected ? 'ant-table-row-selected' : '')}
          columns={[
            {
              key: 'title',
              title: t('sem.heading'),
              render: (_, s) => (
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => setSelected(s.id)}
                  aria-pressed={s.id === selected}
                >
                  {s.title}
                </Button>
              ),
            },
            { key: 'heldOn', title: t('sem.heldOn'), dataIndex: 'heldOn' },
            {
              key: 'city',
              title: t('common.city'),
              render: (_, s) => s.city ?? t('common.none'),
              responsive: ['sm'],
            },
            {
              key: 'venue',
              title: t('sem.venue'),
              render: (_, s) => s.venue ?? t('common.none'),
              responsive: ['lg'],
            },
            {
              key: 'capacity',
              title: t('sem.capacity'),
              dataIndex: 'capacity',
              align: 'right',
              responsive: ['md'],
            },
            {
              key: 'status',
              title: t('common.status'),
              render: (_, s) => <Tag color={STATUS_COLOR[s.status]}>{t(`sem.statuses.${s.status}`)}</Tag>,
            },
            ...(canEdit
              ? [
                  {
                    key: 'edit',
                    title: '',
                    render: (_: unknown, s: Seminar) => (
                      <Button
                        size="small"
                        icon={<EditOutlined aria-hidden />}
                        aria-label={`${t('common.edit')} ${s.title}`}
                        onClick={() => setEditing(s)}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {current ? (
        <SeminarDetail seminar={current} />
      ) : (
        <Typography.Text type="secondary">{t('sem.select')}</Typography.Text>
      )}
      <SeminarStatsCard />
      {editing ? (
        <SeminarForm seminar={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Flex>
  );
}

function QuotasTable({ quotas }: { quotas: SeminarQuotas }) {
  const { t } = useTranslation();
  interface Line {
    key: string;
    market: string;
    city: string;
    quota: number;
    invited: number;
    remaining: number;
    classes: Record<string, { quota: number; invited: number; remaining: number }>;
  }
  const lines: Line[] = quotas.markets.flatMap((m) =>
    m.cities.map((c) => ({
      key: `${m.marketId ?? '-'}|${c.city ?? '-'}`,
      market: m.name,
      city: c.city ?? t('common.none'),
      quota: c.quota,
      invited: c.invited,
      remaining: c.remaining,
      classes: c.classes,
    })),
  );
  return (
    <Table<Line>
      data-testid="quota-table"
      size="small"
      rowKey="key"
      dataSource={lines}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('common.empty') }}
      columns={[
        { key: 'market', title: t('sem.market'), dataIndex: 'market' },
        { key: 'city', title: t('common.city'), dataIndex: 'city' },
        {
          key: 'quota',
          title: `${t('sem.invited')} / ${t('sem.quota')}`,
          align: 'right',
          render: (_, l) => (
            <Typography.Text type={l.remaining > 0 ? 'warning' : 'success'}>
              {l.invited} / {l.quota}
            </Typography.Text>
          ),
        },
        ...CLASSES.map((c) => ({
          key: c,
          title: t(`classes.${c}`),
          align: 'right' as const,
          render: (_: unknown, l: Line) => {
            const slot = l.classes[c];
            return slot ? `${slot.invited}/${slot.quota}` : t('common.none');
          },
        })),
        { key: 'left', title: t('sem.left'), dataIndex: 'remaining', align: 'right' },
      ]}
    />
  );
}

function SeminarDetail({ seminar }: { seminar: Seminar }) {
  const { t } = useTranslation();
  const quotas = useQuotas(seminar.id);
  const invitations = useInvitations(seminar.id);
  const directory = useCustomerDirectory();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const byId = useMemo(() => new Map((directory.data ?? []).map((c) => [c.id, c])), [directory.data]);
  const invited = new Set((invitations.data ?? []).map((i) => i.customerId));
  // Attendance can be recorded from the seminar's day on (the server says so too:
  // SEMINAR.NOT_YET_HELD). The day is the workspace's, not the browser's: a salesperson
  // abroad for a trade fair has another date on the phone. Until it is known, wait; if it
  // cannot be read, the browser's date will do (the server still decides).
  const workspaceDay = useToday();
  const today = workspaceDay.data?.date ?? (workspaceDay.isError ? dayjs().format('YYYY-MM-DD') : undefined);
  const notYetHeld = today === undefined || seminar.heldOn > today;

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: seminarKeys.invitations(seminar.id) }),
      queryClient.invalidateQueries({ queryKey: seminarKeys.quotas(seminar.id) }),
      queryClient.invalidateQueries({ queryKey: seminarKeys.stats }),
    ]);
  }

  async function invite() {
    if (picked.length === 0) return;
    setBusy('invite');
    setError(null);
    try {
      await inviteCustomers(seminar.id, picked);
      message.success(t('sem.invitedN', { n: picked.length }));
      setPicked([]);
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  async function change(
    invitation: Invitation,
    body: { rsvp?: 'pending' | 'yes' | 'no'; attended?: boolean },
  ) {
    setBusy(invitation.id);
    setError(null);
    try {
      await updateInvitation(invitation.id, { ...body, version: invitation.version });
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      await refresh();
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card
      title={
        <CardTitle wrap>
          {seminar.title} · {seminar.heldOn}
        </CardTitle>
      }
    >
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('sem.quotas')}
      </Typography.Title>
      {quotas.isPending ? (
        <Spin />
      ) : quotas.isError ? (
        <Alert type="error" showIcon title={quotas.error.message} role="alert" />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="quota-total">
            {t('sem.quotaTotal', { n: quotas.data.invitations })}
          </Typography.Paragraph>
          <QuotasTable quotas={quotas.data} />
        </>
      )}
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 24 }}>
        {t('sem.invitations')}
      </Typography.Title>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      {/* Why the attendance switches are off, once the workspace's date is known. */}
      {today !== undefined && notYetHeld ? (
        <Typography.Paragraph type="secondary" data-testid="attendance-from">
          {t('sem.attendanceFrom', { date: seminar.heldOn })}
        </Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          mode="multiple"
          aria-label={t('sem.pickCustomers')}
          placeholder={t('sem.pickCustomers')}
          value={picked}
          onChange={setPicked}
          loading={directory.isPending}
          style={{ flex: '1 1 240px', minWidth: 0 }}
          optionFilterProp="label"
          maxTagCount="responsive"
          options={(directory.data ?? [])
            .filter((c) => !invited.has(c.id))
            .map((c) => ({
              value: c.id,
              label: `${c.name} · ${t(`classes.${c.class}`)}${c.city ? ` · ${c.city}` : ''}`,
            }))}
        />
        <Button
          type="primary"
          icon={<UserAddOutlined aria-hidden />}
          onClick={invite}
          loading={busy === 'invite'}
          disabled={picked.length === 0}
        >
          {t('sem.invite')}
        </Button>
      </Flex>
      <Table<Invitation>
        data-testid="invitation-table"
        size="small"
        rowKey="id"
        loading={invitations.isPending}
        dataSource={invitations.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={(invitations.data?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          {
            key: 'customer',
            title: t('sem.customer'),
            render: (_, i) => {
              const c = byId.get(i.customerId);
              return c ? <a href={`/customers/${c.id}`}>{c.name}</a> : i.customerId.slice(0, 8);
            },
          },
          {
            key: 'class',
            title: t('customers.class', { defaultValue: 'Class' }),
            render: (_, i) => {
              const c = byId.get(i.customerId);
              return c ? t(`classes.${c.class}`) : '';
            },
            responsive: ['sm'],
          },
          {
            key: 'rsvp',
            title: t('sem.rsvp'),
            render: (_, i) => (
              <Select
                size="small"
                aria-label={`${t('sem.rsvp')} ${byId.get(i.customerId)?.name ?? ''}`}
                value={i.rsvp}
                disabled={busy === i.id}
                onChange={(rsvp) => change(i, { rsvp })}
                style={{ width: 110 }}
                options={(['pending', 'yes', 'no'] as const).map((r) => ({
                  value: r,
                  label: t(`sem.rsvps.${r}`),
                }))}
              />
            ),
          },
          {
            key: 'attended',
            title: t('sem.attended'),
            render: (_, i) => (
              <Switch
                size="small"
                checked={i.attended}
                loading={busy === i.id}
                disabled={notYetHeld && !i.attended}
                aria-label={`${t('sem.attended')} ${byId.get(i.customerId)?.name ?? ''}`}
                onChange={(attended) => change(i, { attended })}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

function SeminarStatsCard() {
  const { t } = useTranslation();
  const stats = useSeminarStats();
  const _lang = currentLang();
  const s = stats.data;
  const option = useMemo((): EChartsOption | null => {
    if (!s) return null;
    return {
      color: ['#b4232a', '#3a7bd5'],
      grid: { left: 48, right: 16, top: 40, bottom: 56 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (v === null ? '—' : `${Number(v).toFixed(1)}%`),
      },
      xAxis: {
        type: 'category',
        data: s.seminars.map((x) => x.heldOn.slice(0, 7)),
        axisLabel: { hideOverlap: true },
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { type: 'bar', name: t('sem.signRate'), data: s.seminars.map((x) => x.signRatePercent) },
        {
          type: 'line',
          name: t('sem.meetingOnly'),
          data: s.seminars.map(() => s.meetingOnly.signRatePercent),
          lineStyle: { type: 'dashed' },
          showSymbol: false,
        },
      ],
    };
  }, [s, t]);
  const pct = (v: number | null) => (v === null ? t('common.none') : `${v.toFixed(1)}%`);
  return (
    <Card title={<CardTitle wrap>{t('sem.stats')}</CardTitle>}>
      {stats.isPending ? (
        <Spin />
      ) : stats.isError ? (
        <Alert type="error" showIcon title={stats.error.message} role="alert" />
      ) : s && option ? (
        <>
          <Row gutter={[16, 8]} data-testid="seminar-stats">
            <Col xs={12} md={6}>
              <Statistic title={t('sem.attended')} value={s.total.attended} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('sem.signRate')} value={pct(s.total.signRatePercent)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('sem.meetingOnly')} value={pct(s.meetingOnly.signRatePercent)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('sem.difference')}
                value={s.differencePoints === null ? t('common.none') : s.differencePoints.toFixed(2)}
              />
            </Col>
          </Row>
          {s.seminars.length === 0 ? (
            <Empty description={t('dash.noData')} />
          ) : (
            <>
              <EChart option={option} label={t('sem.statsChart')} height={280} />
              <Table
                size="small"
                rowKey="seminarId"
                dataSource={[...s.seminars]}
                pagination={false}
                scroll={{ x: 'max-content' }}
                columns={[
                  { key: 'title', title: t('sem.heading'), dataIndex: 'title' },
                  { key: 'heldOn', title: t('sem.heldOn'), dataIndex: 'heldOn' },
                  { key: 'invited', title: t('sem.invited'), dataIndex: 'invited', align: 'right' },
                  { key: 'accepted', title: t('sem.accepted'), dataIndex: 'accepted', align: 'right' },
                  { key: 'attended', title: t('sem.attended'), dataIndex: 'attended', align: 'right' },
                  { key: 'signed', title: t('sem.signed'), dataIndex: 'signed', align: 'right' },
                  {
                    key: 'rate',
                    title: t('sem.signRate'),
                    align: 'right',
                    render: (_, x) => pct(x.signRatePercent),
                  },
                ]}
              />
            </>
          )}
        </>
      ) : null}
    </Card>
  );
}

interface FormValues {
  title?: string;
  heldOn?: Dayjs;
  city?: string;
  venue?: string;
  capacity?: number;
  status?: 'planned' | 'held' | 'cancelled';
  notes?: string;
}

function SeminarForm({ seminar, onClose }: { seminar: Seminar | null; onClose: () => void }) {
  const firstField = useFirstField<InputRef>();
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const errors = useFormErrors();
  const submitting = useSubmit(errors);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const blank = (v: string | undefined) => (v && v.trim() !== '' ? v : null);

  async function submit() {
    const v = form.getFieldsValue();
    errors.clear();
    const fields = {
      title: v.title ?? '',
      heldOn: v.heldOn ? v.heldOn.format('YYYY-MM-DD') : '',
      city: blank(v.city),
      venue: blank(v.venue),
      capacity: v.capacity,
      status: v.status,
      notes: blank(v.notes),
    };
    const save = (work: () => Promise<Seminar>) =>
      submitting.run(async () => {
        await work();
        await queryClient.invalidateQueries({ queryKey: seminarKeys.list });
        message.success(t('common.saved'));
        onClose();
      });
    if (seminar) {
      const checked = errors.check(updateSeminarInput, { ...fields, version: seminar.version }, 'seminars');
      if (!checked) return;
      await save(() => updateSeminar(seminar.id, checked));
    } else {
      const checked = errors.check(createSeminarInput, fields, 'seminars');
      if (!checked) return;
      await save(() => createSeminar(checked));
    }
  }

  return (
    <FormDialog
      afterOpenChange={firstField.afterOpenChange}
      title={seminar ? `${t('common.edit')} · ${seminar.title}` : t('sem.create')}
      onClose={onClose}
      onSave={submit}
      busy={submitting.busy}
    >
      <FormAlert message={errors.general} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          seminar
            ? {
                title: seminar.title,
                heldOn: dayjs(seminar.heldOn),
                city: seminar.city ?? undefined,
                venue: seminar.venue ?? undefined,
                capacity: seminar.capacity,
                status: seminar.status,
                notes: seminar.notes ?? undefined,
              }
            : { capacity: 40, status: 'planned' }
        }
      >
        <Field errors={errors} label={t('sem.heading')} name="title" required>
          <Input ref={firstField.ref} autoFocus />
        </Field>
        <Field errors={errors} label={t('sem.heldOn')} name="heldOn" required>
          <DatePicker style={{ width: '100%' }} />
        </Field>
        <Field errors={errors} label={t('common.city')} name="city">
          <Input />
        </Field>
        <Field errors={errors} label={t('sem.venue')} name="venue">
          <Input />
        </Field>
        <Field errors={errors} label={t('sem.capacity')} name="capacity" required>
          <InputNumber min={1} max={2000} style={{ width: '100%' }} />
        </Field>
        <Field errors={errors} label={t('common.status')} name="status">
          <Select
            options={(['planned', 'held', 'cancelled'] as const).map((s) => ({
              value: s,
              label: t(`sem.statuses.${s}`),
            }))}
          />
        </Field>
        <Field errors={errors} label={t('common.notes')} name="notes">
          <Input.TextArea rows={3} />
        </Field>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </FormDialog>
  );
}
