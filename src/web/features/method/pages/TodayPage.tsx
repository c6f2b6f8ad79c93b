/**
 * Today: the day's target and the month's pace, the follow-ups due (overdue first) and
 * the customers who can supply today's number, each one tap away from logging a visit.
 */
import { CheckOutlined, FormOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Flex,
  Grid,
  List,
  Result,
  Row,
  Skeleton,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AmountRounding, columnScale } from '../../../../domain/format-amount.js';
import { CardTitle } from '../../../lib/CardTitle';
import { currentLang, money } from '../../../lib/format';
import { linkClick, navigate } from '../../../lib/router';
import { completeFollowUp, useToday } from '../api/method-api';
import { methodKeys } from '../api/method-keys';

const STATUS_COLOR = { ahead: 'green', behind: 'red', on_track: 'blue' } as const;
/** Follow-ups and suggestions shown at a time. */
const TODAY_PAGE = 10;

/** The Today page. */
export function TodayPage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const today = useToday();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const wide = Grid.useBreakpoint().sm ?? true;

  if (today.isPending) return <Skeleton active />;
  if (today.isError) return <Result status="error" title={t('error.title')} subTitle={today.error.message} />;
  const d = today.data;
  const n = d.numbers;

  async function done(id: string) {
    setBusy(id);
    try {
      await completeFollowUp(id);
      await queryClient.invalidateQueries({ queryKey: methodKeys.today });
      void message.success(t('method.today.done'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  }

  // A manager's day can hold dozens of each: ten at a time (most urgent first), the count on top.
  const inAll = (n: number) =>
    n > TODAY_PAGE ? (
      <Typography.Text type="secondary">{t('method.today.inAll', { n })}</Typography.Text>
    ) : null;
  const paged = (n: number) =>
    n > TODAY_PAGE ? { pageSize: TODAY_PAGE, size: 'small' as const, align: 'center' as const } : false;
  const visitLink = (customerId: string) => `/customers/${customerId}/log-visit`;
  // The card's figures share one unit (13.69万 beside 0.91万, never 9,062): a figure the
  // reader compares with the others is written as they are. Amounts to reach round up.
  const cardScale =
    n === null
      ? undefined
      : columnScale(
          [
            n.planToday,
            { amount: n.neededToday, rounding: 'up' as const },
            n.month.actual,
            {
              amount: Math.abs(n.month.difference),
              rounding: n.month.status === 'behind' ? 'up' : 'nearest',
            },
            n.month.planToDate,
            n.month.plan,
            { amount: n.month.requiredDailyRate ?? 0, rounding: 'up' as const },
            { amount: n.month.remaining, rounding: 'up' as const },
          ],
          currentLang(),
        );
  const cardMoney = (minor: number, rounding?: AmountRounding) =>
    money(minor, { ...(cardScale ? { scale: cardScale } : {}), ...(rounding ? { rounding } : {}) });

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('method.today.title')} <Typography.Text type="secondary">{d.date}</Typography.Text>
        {d.scope === 'workspace' ? (
          <Tag style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>{t('method.today.manager')}</Tag>
        ) : null}
      </Typography.Title>
      {n === null ? (
        <Alert
          type="info"
          showIcon
          title={t('method.today.noPlan')}
          action={
            <Button size="small" href="/plan" onClick={linkClick('/plan')}>
              {t('plan.toPlan')}
            </Button>
          }
        />
      ) : (
        <Card data-testid="today-numbers">
          {!d.memberInPlan ? (
            <Alert type="warning" showIcon title={t('method.today.notInPlan')} style={{ marginBottom: 12 }} />
          ) : null}
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              {/* Two labelled numbers: what today still needs (0 with its reason: the month or
                  the year is met …) and what the plan said for today, never one for the other. */}
              <Statistic
                title={t('method.today.neededToday')}
                value={
                  n.neededReason === 'needed'
                    ? cardMoney(n.neededToday, 'up')
                    : n.neededReason === 'not_target_day'
                      ? t('method.today.notWorking')
                      : t('method.today.neededZero', { why: t(`method.neededReasons.${n.neededReason}`) })
                }
                styles={{ content: { fontSize: n.neededReason === 'needed' ? 24 : 14 } }}
                data-testid="today-needed"
              />
              <Typography.Text type="secondary" data-testid="today-target">
                {t('method.today.planToday')} {cardMoney(n.planToday)}
              </Typography.Text>
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('method.today.monthActual')}
                value={cardMoney(n.month.actual)}
                data-testid="today-actual"
              />
              <Tag color={STATUS_COLOR[n.month.status]}>
                {t(`method.today.${n.month.status}`)}{' '}
                {/* Behind is a shortfall to make up: it rounds up, as what is still needed does. */}
                {cardMoney(Math.abs(n.month.difference), n.month.status === 'behind' ? 'up' : undefined)}
              </Tag>
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('method.today.monthPlanToDate')} value={cardMoney(n.month.planToDate)} />
              <Typography.Text type="secondary">
                {t('method.today.monthPlan')} {cardMoney(n.month.plan)}
              </Typography.Text>
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('method.today.runRate')}
                value={
                  n.month.requiredDailyRate === null
                    ? t('method.today.runRateNone')
                    : cardMoney(n.month.requiredDailyRate, 'up')
                }
                styles={{ content: { fontSize: n.month.requiredDailyRate === null ? 14 : 24 } }}
              />
              <Typography.Text type="secondary" data-testid="today-remaining">
                {t('method.today.remaining')} {cardMoney(n.month.remaining, 'up')} ·{' '}
                {t('method.today.remainingDays')} {n.month.remainingWorkingDays}
              </Typography.Text>
              {n.neededReason === 'year_met' ? (
                // Today needs nothing once the year is met; this rate is the month plan's pace.
                <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="today-month-pace">
                  {t('method.today.monthPaceYearMet')}
                </Typography.Text>
              ) : null}
            </Col>
          </Row>
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card
            title={<CardTitle>{t('method.today.followUps')}</CardTitle>}
            extra={inAll(d.followUps.length)}
            data-testid="today-follow-ups"
          >
            <List
              dataSource={[...d.followUps].sort((a, b) => b.daysOverdue - a.daysOverdue)}
              pagination={paged(d.followUps.length)}
              locale={{ emptyText: t('method.today.noFollowUps') }}
              renderItem={(f) => (
                <List.Item
                  data-testid="today-follow-up"
                  actions={[
                    <Button
                      key="visit"
                      size="small"
                      icon={<FormOutlined aria-hidden />}
                      href={visitLink(f.customerId)}
                      onClick={linkClick(visitLink(f.customerId))}
                    >
                      {t('method.today.logVisit')}
                    </Button>,
                    <Button
                      key="done"
                      size="small"
                      icon={<CheckOutlined aria-hidden />}
                      loading={busy === f.id}
                      onClick={() => done(f.id)}
                    >
                      {t('method.today.markDone')}
                    </Button>,
                  ]}
                  style={{ flexWrap: 'wrap' }}
                >
                  <List.Item.Meta
                    style={wide ? undefined : { flexBasis: '100%', marginBottom: 8 }}
                    title={
                      <a
                        href={`/customers/${f.customerId}`}
                        onClick={linkClick(`/customers/${f.customerId}`)}
                      >
                        {f.customerName}
                      </a>
                    }
                    description={
                      <>
                        {f.daysOverdue > 0 ? (
                          <Tag color="red">{t('method.today.overdue', { days: f.daysOverdue })}</Tag>
                        ) : (
                          <Tag color="blue">{t('method.today.dueToday')}</Tag>
                        )}
                        {/* Wraps like the notes below: a long kind in English must not run under the buttons. */}
                        <Typography.Text type="secondary" style={{ display: 'block' }}>
                          {/* Stall kinds (funds, concern, next_visit) in words; any other kind is the salesperson's own. */}
                          {f.dueOn} · {t(`method.followUpKinds.${f.kind}`, { defaultValue: f.kind })}
                        </Typography.Text>
                        {f.notes ? (
                          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                            {f.notes}
                          </Typography.Paragraph>
                        ) : null}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={<CardTitle>{t('method.today.suggestions')}</CardTitle>}
            extra={inAll(d.suggestions.length)}
          >
            {n !== null && d.suggestions.length > 0 ? (
              <Alert
                type={d.shortfall > 0 && n.carriesTarget ? 'warning' : n.carriesTarget ? 'success' : 'info'}
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="today-suggestions-total"
                title={
                  n.carriesTarget
                    ? t('method.today.suggestionsTotal', {
                        total: money(d.suggestionsTotal),
                        target: money(n.neededToday, { rounding: 'up' }),
                      })
                    : t('method.today.suggestionsOnly', { total: money(d.suggestionsTotal) })
                }
                description={
                  !n.carriesTarget
                    ? t('method.today.notWorking')
                    : d.shortfall > 0
                      ? t('method.today.shortfall', { amount: money(d.shortfall, { rounding: 'up' }) })
                      : t('method.today.covered')
                }
              />
            ) : null}
            <List
              dataSource={[...d.suggestions]}
              pagination={paged(d.suggestions.length)}
              locale={{ emptyText: t('method.today.noSuggestions') }}
              renderItem={(s) => (
                <List.Item
                  data-testid="today-suggestion"
                  actions={[
                    <Button
                      key="visit"
                      type="primary"
                      size="small"
                      icon={<FormOutlined aria-hidden />}
                      onClick={() => navigate(visitLink(s.customerId))}
                    >
                      {t('method.today.logVisit')}
                    </Button>,
                  ]}
                  style={{ flexWrap: 'wrap' }}
                >
                  <List.Item.Meta
                    style={wide ? undefined : { flexBasis: '100%', marginBottom: 8 }}
                    title={
                      <span>
                        <a
                          href={`/customers/${s.customerId}`}
                          onClick={linkClick(`/customers/${s.customerId}`)}
                        >
                          {s.customerName}
                        </a>{' '}
                        <Tag>{t(`classes.${s.class}`)}</Tag>
                      </span>
                    }
                    description={
                      <>
                        <ul style={{ margin: '0 0 4px', paddingInlineStart: 18 }}>
                          {s.reasons.map((r) => (
                            <li key={r.code}>{zh ? r.zh : r.en}</li>
                          ))}
                        </ul>
                        {s.expectedAmount > 0 ? (
                          <Typography.Text>
                            {t('method.today.expected')} <strong>{money(s.expectedAmount)}</strong>{' '}
                            <Typography.Text type="secondary">
                              (
                              {s.amountSource === 'open_deal'
                                ? t('method.today.fromDeal')
                                : t('method.today.fromClass')}
                              )
                            </Typography.Text>
                          </Typography.Text>
                        ) : null}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
