/**
 * The customer list: search, filters (market, class, status, owner, overdue, met twice), sort and
 * cursor paging. Each row shows its meetings so far with the two-meeting warning (the
 * method's "never meet a customer a third time") and its overdue follow-ups.
 */
import { DownloadOutlined, ExclamationCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_CLASSES,
  CUSTOMER_STATUSES,
  type CustomerListItem,
} from '../../../../contract/customers.js';

import { currentLang } from '../../../lib/format';
import { PageHeader } from '../../../lib/PageHeader';
import { linkClick } from '../../../lib/router';
import { type CustomerFilters, useCustomers, useMarkets, useMembers } from '../api/customers-api';
import { CustomerForm } from '../components/CustomerForm';
import '../i18n-customers';

const STATUS_COLORS: Record<string, string> = {
  lead: 'default',
  contacted: 'blue',
  qualified: 'cyan',
  proposal: 'gold',
  won: 'green',
  lost: 'red',
};

/** Won and lost customers are decided: the third-meeting warning no longer applies. */
const OPEN_STATUSES = new Set(['lead', 'contacted', 'qualified', 'proposal']);

/** One filter of the list: a clearable select whose placeholder and accessible name are its label. */
function FilterSelect<V extends string>({
  label,
  width,
  onChange,
  options,
}: {
  label: string;
  width: number;
  onChange: (value?: V) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <Select<V>
      allowClear
      placeholder={label}
      aria-label={label}
      style={{ width }}
      onChange={onChange}
      options={options}
    />
  );
}

/** The customers page. */
export function CustomersPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<CustomerFilters>({ sort: 'createdAt', order: 'desc' });
  // Cursors of the pages seen so far: [undefined, c2, c3…]; the last one is the current page.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [adding, setAdding] = useState(false);
  const cursor = cursors[cursors.length - 1];
  const list = useCustomers(filters, cursor);
  const markets = useMarkets();
  const members = useMembers();
  const marketNames = useMemo(
    () => new Map((markets.data?.items ?? []).map((m) => [m.id, m.name])),
    [markets.data],
  );
  const memberNames = useMemo(
    () => new Map((members.data?.members ?? []).map((m) => [m.id, m.name])),
    [members.data],
  );

  function filter(change: Partial<CustomerFilters>) {
    setFilters((f) => ({ ...f, ...change }));
    setCursors([undefined]);
  }

  const sortOrder = (key: CustomerFilters['sort']) =>
    filters.sort === key ? (filters.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: TableProps<CustomerListItem>['columns'] = [
    {
      key: 'name',
      title: t('customers.name'),
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_, c) => (
        <a href={`/customers/${c.id}`} onClick={linkClick(`/customers/${c.id}`)}>
          {c.name}
        </a>
      ),
    },
    // Meetings and overdue come right after the name: on a phone they are what fits beside it.
    {
      key: 'meetings',
      title: <Tooltip title={t('custList.meetingsHint')}>{t('custList.meetings')}</Tooltip>,
      align: 'center',
      render: (_, c) => <MeetingsCell meetings={c.meetings} open={OPEN_STATUSES.has(c.status)} />,
    },
    {
      key: 'overdue',
      title: t('custList.overdue'),
      align: 'center',
      render: (_, c) =>
        c.overdueFollowUps > 0 ? (
          <Tag color="red" data-testid="overdue-count">
            {t('custList.overdueCount', { n: c.overdueFollowUps })}
          </Tag>
        ) : null,
    },
    { key: 'company', title: t('customers.company'), dataIndex: 'company', responsive: ['md'] },
    { key: 'city', title: t('common.city'), dataIndex: 'city', responsive: ['lg'] },
    {
      key: 'market',
      title: t('customers.market'),
      responsive: ['md'],
      render: (_, c) => (c.marketId ? (marketNames.get(c.marketId) ?? '') : ''),
    },
    {
      key: 'class',
      title: t('customers.class'),
      sorter: true,
      sortOrder: sortOrder('class'),
      render: (_, c) => <Tag>{t(`classes.${c.class}`)}</Tag>,
    },
    {
      key: 'status',
      title: t('common.status'),
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (_, c) => <Tag color={STATUS_COLORS[c.status]}>{t(`statuses.${c.status}`)}</Tag>,
    },
    {
      key: 'owner',
      title: t('customers.owner'),
      responsive: ['lg'],
      render: (_, c) => (c.ownerId ? (memberNames.get(c.ownerId) ?? '') : ''),
    },
    {
      key: 'createdAt',
      title: t('customers.created'),
      sorter: true,
      sortOrder: sortOrder('createdAt'),
      responsive: ['lg'],
      render: (_, c) => dayjs(c.createdAt).format('YYYY-MM-DD'),
    },
  ];

  const onChange: TableProps<CustomerListItem>['onChange'] = (_pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    if (!s?.order || !s.columnKey) filter({ sort: 'createdAt', order: 'desc' });
    else
      filter({ sort: s.columnKey as CustomerFilters['sort'], order: s.order === 'ascend' ? 'asc' : 'desc' });
  };

  const options = (values: readonly string[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

  return (
    <Card>
      <PageHeader title={t('customers.title')} style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          {/* The list as filtered and sorted now, every page of it, for Excel. */}
          <Button icon={<DownloadOutlined aria-hidden />} href={exportLink(filters)} download>
            {t('common.exportXlsx')}
          </Button>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('customers.add')}
          </Button>
        </Flex>
      </PageHeader>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('customers.searchPlaceholder')}
          aria-label={t('common.search')}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          style={{ width: 240 }}
        />
        <FilterSelect
          label={t('customers.market')}
          width={140}
          onChange={(v) => filter({ marketId: v })}
          options={(markets.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
        />
        <FilterSelect
          label={t('customers.class')}
          width={110}
          onChange={(v?: CustomerFilters['class']) => filter({ class: v })}
          options={options(CUSTOMER_CLASSES, 'classes')}
        />
        <FilterSelect
          label={t('common.status')}
          width={110}
          onChange={(v?: CustomerFilters['status']) => filter({ status: v })}
          options={options(CUSTOMER_STATUSES, 'statuses')}
        />
        <FilterSelect
          label={t('customers.owner')}
          width={130}
          onChange={(v) => filter({ ownerId: v })}
          options={(members.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }))}
        />
        <Checkbox onChange={(e) => filter({ overdue: e.target.checked ? true : undefined })}>
          {t('custList.overdueOnly')}
        </Checkbox>
        {/* The third-meeting rule's list: whom the next meeting must close. */}
        <Checkbox onChange={(e) => filter({ minMeetings: e.target.checked ? 2 : undefined })}>
          {t('custList.twiceOnly')}
        </Checkbox>
      </Space>
      <Table<CustomerListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onChange={onChange}
        locale={{ emptyText: list.isPending ? t('common.loading') : t('common.empty') }}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">
          {t('customers.count', { n: list.data?.items.length ?? 0 })}
        </Typography.Text>
        <Space>
          <Button
            aria-label="previous"
            disabled={cursors.length <= 1}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            ‹
          </Button>
          <Typography.Text>{cursors.length}</Typography.Text>
          <Button
            aria-label="next"
            disabled={!list.data?.nextCursor}
            onClick={() => {
              const next = list.data?.nextCursor;
              if (next) setCursors((c) => [...c, next]);
            }}
          >
            ›
          </Button>
        </Space>
      </Flex>
      <CustomerForm open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

/** Meetings so far; at two (or more) with an open customer, the warning that the next meeting must close. */
function MeetingsCell({ meetings, open }: { meetings: number; open: boolean }) {
  const { t } = useTranslation();
  if (!open || meetings < 2) return <span data-testid="meetings">{meetings}</span>;
  const warning = meetings === 2 ? t('custList.twoMeetings') : t('custList.threePlus');
  return (
    <Tooltip title={warning}>
      <Tag
        color={meetings === 2 ? 'orange' : 'red'}
        icon={<ExclamationCircleOutlined aria-hidden />}
        data-testid="meetings"
        aria-label={`${meetings} · ${warning}`}
      >
        {meetings}
      </Tag>
    </Tooltip>
  );
}

/** `GET /api/exports/customers.xlsx` with the list's filters and sort, in the UI's language. */
function exportLink(filters: CustomerFilters): string {
  const query = new URLSearchParams({ lang: currentLang() });
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined) query.set(key, String(value));
  }
  return `/api/exports/customers.xlsx?${query}`;
}
