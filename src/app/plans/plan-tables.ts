/**
 * A plan as plain tables (summary, quarters, months, weeks, days, markets, funnel) in the
 * reader's language. The xlsx and csv exports write exactly these tables, so a spreadsheet
 * and a CSV of one plan always agree.
 */
import type { Lang } from '../../domain/errors.js';
import { showAmount } from '../../domain/format-amount.js';
import { CUSTOMER_CLASS_LABELS, labelsIn } from '../../domain/labels.js';
import { FUNNEL_LINE_LABELS, funnelLines } from '../../domain/plan/funnel-lines.js';
import type { PlanResult } from '../../domain/plan/plan.js';

/** How a column's cells are to be shown. `amount` cells are minor units. */
export type ColumnType = 'text' | 'int' | 'amount' | 'percent' | 'decimal';

/** One column of a table. */
export interface Column {
  readonly header: string;
  readonly type: ColumnType;
}

/** A named table; each row has one cell per column (`percent` cells are fractions of 1). */
export interface Table {
  readonly key: 'summary' | 'quarters' | 'months' | 'weeks' | 'days' | 'markets' | 'funnel';
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

const T = {
  zh: {
    summary: '概要',
    quarters: '季度',
    months: '月度',
    weeks: '周',
    days: '日',
    markets: '市场',
    funnel: '漏斗',
    item: '项目',
    value: '数值',
    quarter: '季度',
    month: '月',
    week: '周',
    start: '开始',
    end: '结束',
    date: '日期',
    weekday: '星期',
    kind: '类型',
    holiday: '节假日',
    field: '见客户日',
    amount: '金额',
    workingDays: '工作日',
    fieldDays: '见客户日数',
    share: '占比',
    cities: '城市',
    market: '市场',
    klass: '客户类别',
    customers: '现有客户',
    repeatRate: '回头率',
    expectedBuyers: '预计复购客户',
    averageOrder: '平均订单额',
    ordersNeeded: '需签单数',
    target: '目标',
    year: '年度',
    currency: '币种',
    startDate: '起始日',
    holidaySource: '节假日数据',
    officeDays: '办公室日',
    targetDays: '有目标的天数',
    yes: '是',
    no: '',
    member: '成员',
    verdict: '可行性',
    capacity: '见面能力',
    shortMeetings: '缺少见面次数',
    shortCustomers: '缺少客户数',
    winRate: '成交率',
    meetingsPerWin: '每成交平均见面次数',
    seminars: '会销场次',
    invitations: '每场邀请',
  },
  en: {
    summary: 'Summary',
    quarters: 'Quarters',
    months: 'Months',
    weeks: 'Weeks',
    days: 'Days',
    markets: 'Markets',
    funnel: 'Funnel',
    item: 'Item',
    value: 'Value',
    quarter: 'Quarter',
    month: 'Month',
    week: 'Week',
    start: 'Start',
    end: 'End',
    date: 'Date',
    weekday: 'Weekday',
    kind: 'Kind',
    holiday: 'Holiday',
    field: 'Field day',
    amount: 'Amount',
    workingDays: 'Working days',
    fieldDays: 'Field days',
    share: 'Share',
    cities: 'Cities',
    market: 'Market',
    klass: 'Class',
    customers: 'Existing customers',
    repeatRate: 'Repeat rate',
    expectedBuyers: 'Expected repeat buyers',
    averageOrder: 'Average order',
    ordersNeeded: 'Orders needed',
    target: 'Target',
    year: 'Year',
    currency: 'Currency',
    startDate: 'Start date',
    holidaySource: 'Holiday data',
    officeDays: 'Office days',
    targetDays: 'Days with a target',
    yes: 'yes',
    no: '',
    member: 'Member',
    verdict: 'Feasibility',
    capacity: 'Meeting capacity',
    shortMeetings: 'Meetings short',
    shortCustomers: 'Customers short',
    winRate: 'Win rate',
    meetingsPerWin: 'Meetings per win',
    seminars: 'Seminars',
    invitations: 'Invitations per seminar',
  },
} as const;

/** Labels of the day kinds, verdicts and classes in both languages. */
export const LABELS = {
  zh: {
    kind: {
      workday: '工作日',
      weekend: '周末',
      holiday: '节假日',
      makeup_workday: '调休上班',
      extra_workday: '加班日',
      day_off: '公司休息',
      leave: '请假',
    },
    verdict: { feasible: '可行', short: '不足', unknown: '缺少数据' },
    class: labelsIn(CUSTOMER_CLASS_LABELS, 'zh'),
    weekdays: ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'],
    all: '全部',
  },
  en: {
    kind: {
      workday: 'workday',
      weekend: 'weekend',
      holiday: 'holiday',
      makeup_workday: 'make-up workday',
      extra_workday: 'extra workday',
      day_off: 'day off',
      leave: 'leave',
    },
    verdict: { feasible: 'feasible', short: 'short', unknown: 'missing data' },
    class: labelsIn(CUSTOMER_CLASS_LABELS, 'en'),
    weekdays: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    all: 'All',
  },
} as const;

/** The display name of a market or member; "*" stands for "everything" when none was given. */
export function dimensionName(name: string, lang: Lang): string {
  return name === '*' ? LABELS[lang].all : name;
}

/** What every period (quarter, month, week, day) of a plan splits its amount by. */
interface PeriodAmounts {
  readonly byMarket: readonly number[];
  readonly byClass: readonly number[];
  readonly byMember: readonly number[];
}

/** One column of a period table: its header, its type, and its cell of one period. */
type PeriodColumn<P> = readonly [header: string, type: ColumnType, cell: (period: P) => string | number];

/** Builds every table of a plan in `lang`. */
export function planTables(plan: PlanResult, lang: Lang): Table[] {
  const t = T[lang];
  const L = LABELS[lang];
  const markets = plan.dimensions.markets.map((m) => dimensionName(m.name, lang));
  const classes = plan.dimensions.classes.map((c) => L.class[c.key]);
  const members = plan.settings.membersGiven ? plan.dimensions.members.map((m) => m.name) : [];
  const dimColumns: Column[] = [
    ...(plan.settings.marketsGiven ? markets.map((header) => ({ header, type: 'amount' as const })) : []),
    ...classes.map((header) => ({ header, type: 'amount' as const })),
    ...members.map((header) => ({ header, type: 'amount' as const })),
  ];
  const dimCells = (p: PeriodAmounts) => [
    ...(plan.settings.marketsGiven ? p.byMarket : []),
    ...p.byClass,
    ...(members.length ? p.byMember : []),
  ];
  /** A table of periods: the given columns, then the period's amount by market, class and member. */
  const periodTable = <P extends PeriodAmounts>(
    key: Table['key'],
    title: string,
    periods: readonly P[],
    columns: readonly PeriodColumn<P>[],
  ): Table => ({
    key,
    title,
    columns: [...columns.map(([header, type]) => ({ header, type })), ...dimColumns],
    rows: periods.map((p) => [...columns.map(([, , cell]) => cell(p)), ...dimCells(p)]),
  });
  // The columns several period tables share.
  const START: PeriodColumn<{ start: string }> = [t.start, 'text', (p) => p.start];
  const END: PeriodColumn<{ end: string }> = [t.end, 'text', (p) => p.end];
  const WORKING_DAYS: PeriodColumn<{ workingDays: number }> = [t.workingDays, 'int', (p) => p.workingDays];
  const FIELD_DAYS: PeriodColumn<{ fieldDays: number }> = [t.fieldDays, 'int', (p) => p.fieldDays];
  const AMOUNT: PeriodColumn<{ amount: number }> = [t.amount, 'amount', (p) => p.amount];
  const f = plan.funnel;

  return [
    {
      key: 'summary',
      title: t.summary,
      columns: [
        { header: t.item, type: 'text' },
        { header: t.value, type: 'text' },
      ],
      rows: [
        // Rounded like every human line; the numeric cells of the other sheets keep the fen.
        [t.target, showAmount(plan.settings.target, lang)],
        [t.year, String(plan.settings.year)],
        [t.startDate, plan.settings.startDate],
        [t.currency, plan.settings.currency],
        [t.workingDays, String(plan.year.workingDays)],
        [t.fieldDays, String(plan.year.fieldDays)],
        [t.officeDays, String(plan.year.workingDays - plan.year.fieldDays)],
        [t.targetDays, String(plan.calendar.targetDays)],
        [t.holidaySource, plan.calendar.source],
        [t.verdict, L.verdict[f.verdict.status]],
        ...plan.warnings.map((w) => ['!', w[lang]] as const),
      ],
    },
    periodTable('quarters', t.quarters, plan.quarters, [
      [t.quarter, 'text', (q) => `Q${q.quarter}`],
      START,
      END,
      WORKING_DAYS,
      FIELD_DAYS,
      AMOUNT,
    ]),
    periodTable('months', t.months, plan.months, [
      [t.month, 'text', (m) => `${plan.settings.year}-${String(m.month).padStart(2, '0')}`],
      WORKING_DAYS,
      FIELD_DAYS,
      AMOUNT,
    ]),
    periodTable('weeks', t.weeks, plan.weeks, [
      [t.week, 'text', (w) => `${w.isoYear}-W${String(w.week).padStart(2, '0')}`],
      START,
      END,
      WORKING_DAYS,
      AMOUNT,
    ]),
    periodTable('days', t.days, plan.days, [
      [t.date, 'text', (d) => d.date],
      [t.weekday, 'text', (d) => L.weekdays[d.weekday] ?? ''],
      [t.kind, 'text', (d) => L.kind[d.kind]],
      [t.holiday, 'text', (d) => (d.holiday ? d.holiday[lang] : '')],
      [t.field, 'text', (d) => (d.field ? t.yes : t.no)],
      AMOUNT,
    ]),
    {
      key: 'markets',
      title: t.markets,
      columns: [
        { header: t.market, type: 'text' },
        { header: t.cities, type: 'text' },
        { header: t.share, type: 'percent' },
        { header: t.amount, type: 'amount' },
        { header: t.invitations, type: 'int' },
      ],
      rows: plan.dimensions.markets.map((m, i) => [
        dimensionName(m.name, lang),
        m.cities.join(lang === 'zh' ? '、' : ', '),
        m.share / 100,
        m.amount,
        plan.seminars.byMarket[i]?.invitations ?? 0,
      ]),
    },
    {
      key: 'funnel',
      title: t.funnel,
      columns: [
        { header: t.klass, type: 'text' },
        { header: t.amount, type: 'amount' },
        { header: t.customers, type: 'int' },
        { header: t.repeatRate, type: 'percent' },
        { header: t.expectedBuyers, type: 'decimal' },
        { header: t.averageOrder, type: 'amount' },
        { header: t.ordersNeeded, type: 'int' },
      ],
      rows: [
        ...f.classes.map((c) => [
          L.class[c.key],
          c.amount,
          c.customers ?? null,
          c.repeatRate ?? null,
          c.expectedBuyers ?? null,
          c.averageOrder ?? null,
          c.ordersNeeded ?? null,
        ]),
        // Without the data behind them these counts would read as a false 0: leave them out.
        ...(f.verdict.status === 'unknown'
          ? []
          : ([
              // The plan page's lines, in its words (domain/plan/funnel-lines.ts).
              ...funnelLines(f).map(
                (l) => [FUNNEL_LINE_LABELS[l.key][lang], null, null, null, null, null, l.value] as const,
              ),
              [t.winRate, null, null, f.winRate, null, null, null],
              [t.meetingsPerWin, null, null, null, f.meetingsPerWin, null, null],
              [t.capacity, null, null, null, null, null, f.capacity.meetings],
              [t.shortMeetings, null, null, null, null, null, f.verdict.shortMeetings],
              [t.shortCustomers, null, null, null, null, null, f.verdict.shortCustomers],
            ] as const)),
        [
          `${t.verdict}: ${L.verdict[f.verdict.status]}${f.verdict.missing.length ? ` (${f.verdict.missing.join(', ')})` : ''}`,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
      ],
    },
  ];
}
