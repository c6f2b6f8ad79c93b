/**
 * The dashboard: progress vs plan at every level and dimension (chart + table with the
 * run-rate still needed), the pace of the year, the year-end forecast fan (P10/P50/P90),
 * the meeting-number distribution against 65/25/10 and the objection breakdown.
 */
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Result,
  Row,
  Segmented,
  Select,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { EChartsOption } from 'echarts';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showPercent } from '../../../../domain/format-amount.js';
import { segmentLabel } from '../../../../domain/labels.js';
import { ApiError } from '../../../lib/api';
import { CardTitle } from '../../../lib/CardTitle';
import { EChart } from '../../../lib/EChart';
import { currentLang, differenceRounding, money, moneyAxis, moneyColumn } from '../../../lib/format';
import { PageHeader } from '../../../lib/PageHeader';
import { navigate } from '../../../lib/router';
import {
  DIMENSIONS,
  type Dimension,
  type Forecast,
  LEVELS,
  type Level,
  MEETING_GROUPS,
  type MeetingGroup,
  type PaceStatus,
  type Progress,
  type ProgressRow,
  useForecast,
  useMeetingStats,
  useObjectionStats,
  useObjectionTypes,
  useProgress,
} from '../api/dashboard-api';

const COLORS = ['#b4232a', '#3a7bd5', '#d4873a', '#2e9d6a', '#7b5ea7', '#8c8c8c'];
const STATUS_COLOR: Record<PaceStatus, string> = { ahead: 'green', behind: 'red', on_track: 'blue' };

/** An amount axis: values are in yuan on the chart; ticks in one unit for `values` (fen). */
function amountAxis(values: number[]) {
  return { type: 'value' as const, axisLabel: { formatter: moneyAxis(values) } };
}
const yuan = (fen: number) => fen / 100;
/** Dashboard amounts by the one display rule (format-amount.ts); `up` for amounts still to reach. */
const big = (minor: number, rounding?: 'up') => money(minor, rounding ? { rounding } : {});
const percent = (bp: number) => `${(bp / 100).toFixed(1)}%`;

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card
      title={<CardTitle wrap>{title}</CardTitle>}
      extra={extra}
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
    >
      {children}
    </Card>
  );
}

/** The dashboard page. */
export function DashboardPage() {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const pace = useProgress(year, 'year', 'none');
  const noPlan = pace.error instanceof ApiError && pace.error.code === 'PROGRESS.NO_PLAN';

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('dash.title')}>
        <Select
          aria-label={t('dash.year')}
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
        />
      </PageHeader>
      {pace.isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description={t('common.loading')} />
        </Flex>
      ) : noPlan ? (
        <Card>
          <Result
            status="info"
            title={t('dash.noPlan')}
            subTitle={t('dash.noPlanHint')}
            extra={
              <Button type="primary" onClick={() => navigate('/plan')}>
                {t('plan.toPlan')}
              </Button>
            }
            data-testid="dashboard-no-plan"
          />
        </Card>
      ) : pace.isError ? (
        <Alert type="error" showIcon title={pace.error.message} role="alert" />
      ) : (
        <>
          <PaceCard progress={pace.data} />
          <ProgressSection year={year} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <ForecastSection year={year} />
            </Col>
            <Col xs={24} xl={12}>
              <MeetingsSection />
            </Col>
          </Row>
          <ObjectionsSection />
        </>
      )}
    </Flex>
  );
}

function PaceCard({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const row = progress.rows[0];
  if (!row) return null;
  return (
    <Section title={`${t('dash.pace')} · ${progress.year}`}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('dash.plan')} value={big(row.plan)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('dash.planToDate')} value={big(row.planToDate)} />
        </Col>
        <Col xs={12} md={6}>
          <div data-testid="pace-actual">
            <Statistic
              title={t('dash.actual')}
              value={big(row.actual)}
              suffix={<Tag color={STATUS_COLOR[row.status]}>{t(`dash.statuses.${row.status}`)}</Tag>}
            />
          </div>
        </Col>
        <Col xs={12} md={6}>
          <div data-testid="pace-rate">
            <Statistic
              title={`${t('dash.dailyRate')} (${t('dash.remainingDays')} ${row.remainingWorkingDays})`}
              value={row.requiredDailyRate === null ? t('common.none') : big(row.requiredDailyRate, 'up')}
            />
          </div>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
        {t('dash.paceText', {
          asOf: progress.asOf,
          actual: big(row.actual),
          planToDate: big(row.planToDate),
        })}
      </Typography.Paragraph>
    </Section>
  );
}

function ProgressSection({ year }: { year: number }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<Level>('months');
  const [dimension, setDimension] = useState<Dimension>('none');
  const progress = useProgress(year, level, dimension);
  const rows = progress.data?.rows ?? [];
  // One unit per table column (format-amount.ts): a column never mixes 万 and plain yuan.
  const col = {
    plan: moneyColumn(rows.map((r) => r.plan)),
    ptd: moneyColumn(rows.map((r) => r.planToDate)),
    actual: moneyColumn(rows.map((r) => r.actual)),
    difference: moneyColumn(
      rows.map((r) => r.difference),
      differenceRounding,
    ),
    remaining: moneyColumn(
      rows.map((r) => r.remaining),
      'up',
    ),
    rate: moneyColumn(
      rows.flatMap((r) => (r.requiredDailyRate === null ? [] : [r.requiredDailyRate])),
      'up',
    ),
  };
  const _lang = currentLang();

  const option = useMemo((): EChartsOption => {
    // Without a dimension the periods run along the axis; with one, the segments (summed over the periods).
    const byPeriod = dimension === 'none';
    const keys: string[] = [];
    const sums = new Map<string, { plan: number; planToDate: number; actual: number }>();
    for (const r of rows) {
      const key = byPeriod
        ? r.period
        : r.segment === null
          ? t('common.none')
          : segmentLabel(dimension, r.segment, currentLang());
      let s = sums.get(key);
      if (!s) {
        s = { plan: 0, planToDate: 0, actual: 0 };
        sums.set(key, s);
        keys.push(key);
      }
      s.plan += r.plan;
      s.planToDate += r.planToDate;
      s.actual += r.actual;
    }
    const many = keys.length > 16;
    const values = keys.map((k) => sums.get(k) ?? { plan: 0, planToDate: 0, actual: 0 });
    return {
      color: COLORS,
      grid: { left: 64, right: 16, top: 40, bottom: many ? 56 : 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => big(Number(v) * 100) },
      xAxis: { type: 'category', data: keys, axisLabel: { hideOverlap: true } },
      yAxis: amountAxis(values.flatMap((v) => [v.plan, v.actual])),
      ...(many ? { dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 8 }] } : {}),
      series: [
        {
          type: many ? 'line' : 'bar',
          name: t('dash.plan'),
          data: values.map((v) => yuan(v.plan)),
          showSymbol: false,
        },
        {
          type: many ? 'line' : 'bar',
          name: t('dash.actual'),
          data: values.map((v) => yuan(v.actual)),
          showSymbol: false,
        },
      ],
    };
  }, [rows, dimension, t]);

  const switches = (
    <Flex gap={8} wrap>
      <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
        <Segmented<Level>
          aria-label={t('dash.level')}
          value={level}
          onChange={setLevel}
          options={LEVELS.map((l) => ({ value: l, label: t(`dash.levels.${l}`) }))}
        />
      </div>
      <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
        <Segmented<Dimension>
          aria-label={t('dash.dimension')}
          value={dimension}
          onChange={setDimension}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`dash.dimensions.${d}`) }))}
        />
      </div>
    </Flex>
  );
  const title = t('dash.progressChart', {
    level: t(`dash.levels.${level}`),
    dimension: t(`dash.dimensions.${dimension}`),
  });
  return (
    <Section title={title}>
      <div style={{ marginBottom: 12 }}>{switches}</div>
      {progress.isError ? (
        <Alert type="error" showIcon title={progress.error.message} role="alert" />
      ) : (
        <Spin spinning={progress.isFetching}>
          <EChart option={option} label={title} height={300} />
        </Spin>
      )}
      {progress.data && progress.data.unassigned.deals > 0 ? (
        <Typography.Paragraph type="secondary">
          {t('dash.unassigned', {
            deals: progress.data.unassigned.deals,
            amount: big(progress.data.unassigned.amount),
          })}
        </Typography.Paragraph>
      ) : null}
      <Table<ProgressRow>
        data-testid="progress-table"
        size="small"
        style={{ marginTop: 16 }}
        rowKey={(r) => `${r.period}|${r.segment ?? ''}`}
        loading={progress.isPending}
        dataSource={[...rows]}
        scroll={{ x: 'max-content' }}
        pagination={rows.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
        locale={{ emptyText: t('dash.noData') }}
        columns={[
          { key: 'period', title: t('dash.period'), dataIndex: 'period', fixed: 'left' },
          ...(dimension === 'none'
            ? []
            : [
                {
                  key: 'segment',
                  title: t('dash.segment'),
                  render: (_: unknown, r: ProgressRow) =>
                    r.segment === null ? t('common.none') : segmentLabel(dimension, r.segment, currentLang()),
                },
              ]),
          { key: 'plan', title: t('dash.plan'), align: 'right', render: (_, r) => col.plan(r.plan) },
          {
            key: 'ptd',
            title: t('dash.planToDate'),
            align: 'right',
            render: (_, r) => col.ptd(r.planToDate),
          },
          { key: 'actual', title: t('dash.actual'), align: 'right', render: (_, r) => col.actual(r.actual) },
          {
            key: 'difference',
            title: t('dash.difference'),
            align: 'right',
            render: (_, r) => (
              <Typography.Text type={r.difference < 0 ? 'danger' : 'success'}>
                {r.difference > 0 ? '+' : ''}
                {col.difference(r.difference)}
              </Typography.Text>
            ),
          },
          {
            key: 'status',
            title: t('common.status'),
            render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`dash.statuses.${r.status}`)}</Tag>,
          },
          {
            key: 'remaining',
            title: t('dash.remaining'),
            align: 'right',
            render: (_, r) => col.remaining(r.remaining),
          },
          { key: 'days', title: t('dash.remainingDays'), align: 'right', dataIndex: 'remainingWorkingDays' },
          {
            key: 'rate',
            title: t('dash.dailyRate'),
            align: 'right',
            render: (_, r) =>
              r.requiredDailyRate === null ? t('common.none') : col.rate(r.requiredDailyRate),
          },
        ]}
      />
    </Section>
  );
}

function ForecastSection({ year }: { year: number }) {
  const { t } = useTranslation();
  const forecast = useForecast(year);
  const _lang = currentLang();
  const f = forecast.data;
  const option = useMemo((): EChartsOption | null => {
    if (!f) return null;
    const asOfMonth = Number(f.asOf.slice(5, 7));
    const sameYear = Number(f.asOf.slice(0, 4)) === f.year;
    const months = f.months.map((m) => t('plan.month', { m: m.month }));
    return {
      color: COLORS,
      grid: { left: 64, right: 16, top: 40, bottom: 32 },
      legend: { top: 0, data: [t('dash.band'), 'P50', t('dash.signed'), t('dash.target')] },
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const list = params as { dataIndex: number }[];
          const m = f.months[list[0]?.dataIndex ?? 0];
          if (!m) return '';
          // Plain text lines: nothing user-typed here, numbers only.
          return [
            t('plan.month', { m: m.month }),
            `P90 ${big(m.p90)}`,
            `P50 ${big(m.p50)}`,
            `P10 ${big(m.p10)}`,
            `${t('dash.signed')} ${big(m.signed)}`,
            `${t('dash.target')} ${big(f.target)}`,
          ].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: months, boundaryGap: false },
      yAxis: amountAxis([f.target, ...f.months.map((m) => m.p90)]),
      series: [
        {
          type: 'line',
          name: 'P10',
          stack: 'band',
          data: f.months.map((m) => yuan(m.p10)),
          lineStyle: { opacity: 0 },
          showSymbol: false,
          silent: true,
        },
        {
          type: 'line',
          name: t('dash.band'),
          stack: 'band',
          data: f.months.map((m) => yuan(m.p90 - m.p10)),
          lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(180, 35, 42, 0.18)' },
          itemStyle: { color: 'rgba(180, 35, 42, 0.35)' },
          showSymbol: false,
        },
        {
          type: 'line',
          name: 'P50',
          data: f.months.map((m) => yuan(m.p50)),
          itemStyle: { color: '#b4232a' },
          showSymbol: false,
        },
        {
          type: 'line',
          name: t('dash.signed'),
          data: f.months.map((m) => (!sameYear || m.month <= asOfMonth ? yuan(m.signed) : null)),
          itemStyle: { color: '#3a7bd5' },
        },
        {
          type: 'line',
          name: t('dash.target'),
          data: f.months.map(() => yuan(f.target)),
          lineStyle: { type: 'dashed' },
          itemStyle: { color: '#2e9d6a' },
          showSymbol: false,
        },
      ],
    };
  }, [f, t]);
  return (
    <Section title={t('dash.forecastTitle')}>
      {forecast.isPending ? (
        <Spin />
      ) : forecast.isError ? (
        <Alert type="error" showIcon title={forecast.error.message} role="alert" />
      ) : f && option ? (
        <>
          <Row gutter={[16, 8]} style={{ marginBottom: 8 }}>
            <Col xs={12}>
              <div data-testid="forecast-expected">
                <Statistic title={t('dash.expected')} value={big(f.expected)} />
              </div>
            </Col>
            <Col xs={12}>
              <div data-testid="forecast-probability">
                <Statistic title={t('dash.probability')} value={showPercent(f.probabilityOfTarget)} />
              </div>
            </Col>
            <Col xs={12}>
              <Statistic title={t('dash.target')} value={big(f.target)} />
            </Col>
            <Col xs={12}>
              <Statistic title={t('dash.signedSoFar')} value={big(f.signedSoFar)} />
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            P10 {big(f.p10)} · P50 {big(f.p50)} · P90 {big(f.p90)}
          </Typography.Paragraph>
          <EChart option={option} label={t('dash.forecastChart')} height={300} />
          <ForecastBreakdown forecast={f} />
        </>
      ) : null}
    </Section>
  );
}

/** Why the forecast says what it says: signed so far, the pipeline by group, new business. */
function ForecastBreakdown({ forecast: f }: { forecast: Forecast }) {
  const { t } = useTranslation();
  const b = f.breakdown;
  const rows = [
    { key: 'signed', source: t('dash.signedSoFar'), count: '', chance: '', expected: b.signedSoFar },
    ...b.groups
      .filter((g) => g.opportunities > 0)
      .map((g) => ({
        key: g.group,
        source: t(`dash.forecastGroups.${g.group}`),
        count: String(g.opportunities),
        chance: showPercent(g.winProbability),
        expected: g.expected,
      })),
    {
      key: 'new',
      source: t('dash.whyNewBusiness'),
      count: t('dash.whyNewDeals', { n: b.newBusiness.deals.toFixed(1) }),
      chance: '',
      expected: b.newBusiness.expected,
    },
  ];
  const amount = moneyColumn(rows.map((r) => r.expected));
  return (
    <Table
      data-testid="forecast-breakdown"
      size="small"
      style={{ marginTop: 16 }}
      rowKey="key"
      pagination={false}
      dataSource={rows}
      title={() => t('dash.whyTitle', { days: f.horizonDays })}
      columns={[
        { key: 'source', title: t('dash.whySource'), dataIndex: 'source' },
        { key: 'count', title: t('dash.whyCount'), dataIndex: 'count', align: 'right' },
        { key: 'chance', title: t('dash.whyChance'), dataIndex: 'chance', align: 'right' },
        {
          key: 'expected',
          title: t('dash.whyExpected'),
          align: 'right',
          render: (_: unknown, r: { expected: number }) => amount(r.expected),
        },
      ]}
    />
  );
}

function MeetingsSection() {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<MeetingGroup>('none');
  const stats = useMeetingStats(groupBy);
  const _lang = currentLang();
  const s = stats.data;
  const option = useMemo((): EChartsOption | null => {
    if (!s) return null;
    const cats = [t('dash.first'), t('dash.second'), t('dash.thirdPlus')];
    const rows = s.groupBy === 'none' || s.rows.length === 0 ? [s.total] : s.rows;
    const targets = [s.targets.firstMinBp, s.targets.secondMaxBp, s.targets.thirdPlusMaxBp];
    return {
      color: COLORS.slice(1),
      grid: { left: 48, right: 16, top: 48, bottom: 32 },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
      xAxis: { type: 'category', data: cats },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        ...rows.map((r) => ({
          type: 'bar' as const,
          name:
            s.groupBy === 'none'
              ? t('dash.total')
              : s.groupBy === 'class' && r.label
                ? t(`classes.${r.label}`, { defaultValue: r.label })
                : (r.label ?? t('common.none')),
          data: [r.shares.firstBp / 100, r.shares.secondBp / 100, r.shares.thirdPlusBp / 100],
        })),
        {
          type: 'scatter' as const,
          name: t('dash.targetMark'),
          symbol: 'rect',
          symbolSize: [56, 4],
          itemStyle: { color: '#2e9d6a' },
          z: 10,
          label: { show: true, position: 'top', formatter: (p: { value: unknown }) => `${p.value}%` },
          data: targets.map((bp) => bp / 100),
        },
      ],
    };
  }, [s, t]);
  const title = t('dash.meetingsTitle');
  return (
    <Section
      title={title}
      extra={
        <Select<MeetingGroup>
          aria-label={t('dash.groupBy')}
          value={groupBy}
          onChange={setGroupBy}
          style={{ width: 130 }}
          options={MEETING_GROUPS.map((g) => ({ value: g, label: t(`dash.groups.${g}`) }))}
        />
      }
    >
      {stats.isPending ? (
        <Spin />
      ) : stats.isError ? (
        <Alert type="error" showIcon title={stats.error.message} role="alert" />
      ) : s && option ? (
        <>
          <Flex gap={16} wrap data-testid="meetings-summary">
            <Typography.Text>{t('dash.wonCustomers', { n: s.total.won })}</Typography.Text>
            <Typography.Text type={s.total.flags.firstBelowTarget ? 'danger' : 'success'}>
              {t('dash.first')} {percent(s.total.shares.firstBp)}
            </Typography.Text>
            <Typography.Text type={s.total.flags.secondAboveTarget ? 'danger' : 'success'}>
              {t('dash.second')} {percent(s.total.shares.secondBp)}
            </Typography.Text>
            <Typography.Text type={s.total.flags.thirdPlusAboveTarget ? 'danger' : 'success'}>
              {t('dash.thirdPlus')} {percent(s.total.shares.thirdPlusBp)}
            </Typography.Text>
          </Flex>
          {s.total.won === 0 ? (
            <Empty description={t('dash.noData')} />
          ) : (
            <Spin spinning={stats.isFetching}>
              <EChart option={option} label={t('dash.meetingsChart')} height={300} />
            </Spin>
          )}
        </>
      ) : null}
    </Section>
  );
}

function ObjectionsSection() {
  const { t } = useTranslation();
  const stats = useObjectionStats();
  const types = useObjectionTypes();
  const lang = currentLang();
  const labels = useMemo(() => {
    const map = new Map<string, string>();
    for (const type of types.data ?? []) map.set(type.key, lang === 'zh' ? type.labelZh : type.labelEn);
    return map;
  }, [types.data, lang]);
  const s = stats.data;
  const items = s?.groups[0]?.items ?? [];
  const option = useMemo((): EChartsOption => {
    const sorted = [...items].sort((a, b) => a.count - b.count);
    const name = (key: string, zh: string, en: string) => labels.get(key) ?? (lang === 'zh' ? zh : en);
    return {
      color: ['#d4873a'],
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: sorted.map((i) => name(i.key, i.labelZh, i.labelEn)),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('dash.count'),
          data: sorted.map((i) => i.count),
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [items, labels, lang, t]);
  const replies = s?.replies ?? [];
  return (
    <Section title={t('dash.objectionsTitle')}>
      {stats.isPending ? (
        <Spin />
      ) : stats.isError ? (
        <Alert type="error" showIcon title={stats.error.message} role="alert" />
      ) : items.length === 0 ? (
        <Empty description={t('dash.noData')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={10}>
            <Typography.Text data-testid="objections-total">
              {t('dash.total')} {s?.total ?? 0}
            </Typography.Text>
            <EChart
              option={option}
              label={t('dash.objectionsChart')}
              height={Math.max(220, items.length * 36)}
            />
          </Col>
          <Col xs={24} xxl={14}>
            <Typography.Title level={3} style={{ fontSize: 15 }}>
              {t('dash.replyTitle')}
            </Typography.Title>
            <Table
              size="small"
              data-testid="reply-table"
              rowKey={(r) => `${r.objectionKey}|${r.replyId ?? r.replyText ?? ''}`}
              dataSource={[...replies]}
              scroll={{ x: 'max-content' }}
              pagination={replies.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
              locale={{ emptyText: t('dash.noData') }}
              columns={[
                {
                  key: 'objection',
                  title: t('dash.objection'),
                  render: (_, r) => labels.get(r.objectionKey) ?? r.objectionKey,
                  width: 140,
                },
                {
                  key: 'reply',
                  title: t('dash.reply'),
                  // Typed replies are user text: rendered as text (React escapes it), never as HTML.
                  render: (_, r) => (
                    <Typography.Paragraph
                      ellipsis={{ rows: 2, tooltip: true }}
                      style={{ margin: 0, maxWidth: 320 }}
                    >
                      {(lang === 'zh' ? r.replyZh : r.replyEn) ?? r.replyText ?? t('common.none')}
                    </Typography.Paragraph>
                  ),
                },
                { key: 'uses', title: t('dash.uses'), dataIndex: 'uses', align: 'right' },
                { key: 'signed', title: t('dash.signedAfter'), dataIndex: 'signedAfter', align: 'right' },
                { key: 'rate', title: t('dash.rate'), align: 'right', render: (_, r) => percent(r.rateBp) },
              ]}
            />
          </Col>
        </Row>
      )}
    </Section>
  );
}
