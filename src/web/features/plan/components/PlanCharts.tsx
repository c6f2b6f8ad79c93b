/** The plan's charts: months, weeks, market and class split, and the funnel with its verdict. */
import { Alert, Card, Col, Descriptions, Row, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanResult } from '../../../../domain/plan/plan.js';
import { EChart } from '../../../lib/EChart';
import { money } from '../../../lib/format';

const COLORS = ['#b4232a', '#d4873a', '#3a7bd5', '#2e9d6a', '#7b5ea7', '#8c8c8c'];

/**
 * Charts of `result`. Memoised: the options are rebuilt (and the charts redrawn) only when
 * the computed plan or the language changes, not on every keystroke elsewhere in the form.
 */
export const PlanCharts = memo(function PlanCharts({ result }: { result: PlanResult }) {
  const { t } = useTranslation();
  const yuanAxis = { type: 'value' as const, axisLabel: { formatter: (v: number) => money(v * 100, true) } };
  const tooltip = { trigger: 'axis' as const, valueFormatter: (v: unknown) => money(Number(v) * 100) };

  const months: EChartsOption = {
    color: COLORS,
    grid: { left: 56, right: 8, top: 16, bottom: 24 },
    tooltip,
    xAxis: { type: 'category', data: result.months.map((m) => t('plan.month', { m: m.month })) },
    yAxis: yuanAxis,
    series: [{ type: 'bar', name: t('plan.months'), data: result.months.map((m) => m.amount / 100) }],
  };
  const weeks: EChartsOption = {
    color: COLORS,
    grid: { left: 56, right: 8, top: 16, bottom: 24 },
    tooltip,
    xAxis: { type: 'category', data: result.weeks.map((w) => t('plan.week', { w: w.week })) },
    yAxis: yuanAxis,
    series: [
      { type: 'line', name: t('plan.weeks'), data: result.weeks.map((w) => w.amount / 100), areaStyle: {} },
    ],
  };
  const pie = (rows: readonly { name: string; amount: number }[]): EChartsOption => ({
    color: COLORS,
    tooltip: { trigger: 'item', valueFormatter: (v: unknown) => money(Number(v) * 100) },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '62%'],
        center: ['50%', '45%'],
        label: { formatter: (p: { percent?: number }) => `${p.percent ?? 0}%` },
        data: rows.map((r) => ({ name: r.name, value: r.amount / 100 })),
      },
    ],
  });
  const markets = pie(
    result.dimensions.markets.map((m) => ({
      name: m.name === '*' ? t('common.all') : m.name,
      amount: m.amount,
    })),
  );
  const classes = pie(
    result.dimensions.classes.map((c) => ({ name: t(`classes.${c.key}`), amount: c.amount })),
  );
  const f = result.funnel;
  const funnel: EChartsOption = {
    color: COLORS,
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'funnel',
        sort: 'descending',
        left: 8,
        right: 8,
        label: { position: 'inside', formatter: '{b}: {c}' },
        data: [
          { name: t('plan.meetingsNeeded'), value: f.meetingsNeeded.new },
          { name: t('plan.prospectsToMeet'), value: f.prospectsToMeet },
          { name: t('plan.newCustomers'), value: f.newByMeetings },
        ],
      },
    ],
  };

  const v = f.verdict;
  const verdict =
    v.status === 'feasible'
      ? t('plan.feasible')
      : v.status === 'short'
        ? t('plan.short', { meetings: v.shortMeetings, customers: v.shortCustomers })
        : t('plan.unknown', { missing: v.missing.join(', ') });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('plan.months')}>
          <EChart option={months} label={t('plan.months')} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('plan.weeks')}>
          <EChart option={weeks} label={t('plan.weeks')} />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('plan.marketSplit')}>
          <EChart option={markets} label={t('plan.marketSplit')} height={240} />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('plan.classSplit')}>
          <EChart option={classes} label={t('plan.classSplit')} height={240} />
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={t('plan.funnelChart')}>
          <Alert
            type={v.status === 'feasible' ? 'success' : v.status === 'short' ? 'warning' : 'info'}
            showIcon
            title={`${t('plan.verdict')}: ${verdict}`}
            style={{ marginBottom: 12 }}
            data-testid="plan-verdict"
          />
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <EChart option={funnel} label={t('plan.funnelChart')} height={220} />
            </Col>
            <Col xs={24} md={12}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('plan.newCustomers')}>{f.newCustomersNeeded}</Descriptions.Item>
                <Descriptions.Item label={t('plan.prospectsToMeet')}>{f.prospectsToMeet}</Descriptions.Item>
                <Descriptions.Item label={t('plan.meetingsNeeded')}>
                  {f.meetingsNeeded.total}
                </Descriptions.Item>
                <Descriptions.Item label={t('plan.capacity')}>
                  {f.capacity.meetings} ({f.capacity.fieldDays} × {f.capacity.meetingsPerFieldDay})
                </Descriptions.Item>
              </Descriptions>
              <Typography.Text type="secondary">
                {t('plan.workingDaysCount', { n: result.calendar.workingDays })} ·{' '}
                {t('plan.fieldDaysCount', { n: result.calendar.fieldDays })}
              </Typography.Text>
            </Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
});
