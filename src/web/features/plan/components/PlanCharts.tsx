/** The plan's charts: months, weeks, market and class split, and the funnel with its verdict. */
import { Alert, Card, Col, Descriptions, Row, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { funnelLines, funnelStages, missingInputLabel } from '../../../../domain/plan/funnel-lines.js';
import type { PlanResult } from '../../../../domain/plan/plan.js';
import { EChart } from '../../../lib/EChart';
import { currentLang, money, moneyAxis } from '../../../lib/format';

const COLORS = ['#b4232a', '#d4873a', '#3a7bd5', '#2e9d6a', '#7b5ea7', '#8c8c8c'];

/**
 * Charts of `result`. Memoised: the options are rebuilt (and the charts redrawn) only when
 * the computed plan or the language changes, not on every keystroke elsewhere in the form.
 */
export const PlanCharts = memo(function PlanCharts({ result }: { result: PlanResult }) {
  const { t } = useTranslation();
  // Ticks in one unit for the amounts each chart plots.
  const yuanAxis = (values: number[]) => ({
    type: 'value' as const,
    axisLabel: { formatter: moneyAxis(values) },
  });
  const tooltip = { trigger: 'axis' as const, valueFormatter: (v: unknown) => money(Number(v) * 100) };

  // Amounts over months or weeks: `labels` along the x axis, the amounts (fen) as yuan.
  const overTime = (
    labels: string[],
    amounts: number[],
    series: { type: 'bar' | 'line'; name: string; areaStyle?: object },
  ): EChartsOption => ({
    color: COLORS,
    grid: { left: 56, right: 8, top: 16, bottom: 24 },
    tooltip,
    xAxis: { type: 'category', data: labels },
    yAxis: yuanAxis(amounts),
    series: [{ ...series, data: amounts.map((a) => a / 100) }],
  });
  const months = overTime(
    result.months.map((m) => t('plan.month', { m: m.month })),
    result.months.map((m) => m.amount),
    { type: 'bar', name: t('plan.months') },
  );
  const weeks = overTime(
    result.weeks.map((w) => t('plan.week', { w: w.week })),
    result.weeks.map((w) => w.amount),
    { type: 'line', name: t('plan.weeks'), areaStyle: {} },
  );
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
  // One list of lines for the chart and the list beside it (same keys, texts and values).
  const lines = funnelLines(f);
  const stages = funnelStages(lines);
  const funnel: EChartsOption = {
    color: COLORS,
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'funnel',
        sort: 'descending',
        left: 8,
        top: 8,
        bottom: 8,
        // Half the width for the funnel, the other half for its labels: a label inside the
        // narrow tip could not be read, least of all on a 375 px phone.
        width: '48%',
        minSize: '24%',
        gap: 2,
        label: {
          position: 'right',
          formatter: '{b}\n{c}',
          color: '#1f1f1f',
          fontSize: 12,
          lineHeight: 16,
          width: 150,
          overflow: 'break',
        },
        labelLine: { show: true, length: 8, lineStyle: { color: '#8c8c8c' } },
        data: stages.map((s) => ({ name: t(`plan.funnelLine.${s.key}`), value: s.value })),
      },
    ],
  };

  const v = f.verdict;
  const verdict =
    v.status === 'feasible'
      ? t('plan.feasible')
      : v.status === 'short'
        ? t('plan.short', { meetings: v.shortMeetings, customers: v.shortCustomers })
        : t('plan.unknown', {
            missing: v.missing
              .map((key) => missingInputLabel(key, currentLang()))
              .join(currentLang() === 'zh' ? '、' : ', '),
          });

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
            {/* No stages when the verdict is unknown: a funnel of zeros would be a false picture. */}
            {stages.length > 0 ? (
              <Col xs={24} md={12}>
                <EChart
                  option={funnel}
                  label={`${t('plan.funnelChart')}: ${stages.map((s) => `${t(`plan.funnelLine.${s.key}`)} ${s.value}`).join(', ')}`}
                  height={220}
                />
              </Col>
            ) : null}
            <Col xs={24} md={12}>
              <Descriptions column={1} size="small" data-testid="plan-funnel-list">
                {lines.map((l) => (
                  <Descriptions.Item
                    key={l.key}
                    label={
                      <span style={l.part ? { paddingInlineStart: 16 } : undefined}>
                        {t(`plan.funnelLine.${l.key}`)}
                      </span>
                    }
                  >
                    <span data-testid={`funnel-${l.key}`}>{l.value}</span>
                  </Descriptions.Item>
                ))}
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
