/**
 * The human view of a plan in the terminal: headline, warnings, quarters, months, a week
 * summary, today's number, markets, classes, members, the funnel with its verdict, seminars
 * and the catch-up. Amounts by the one display rule of `domain/format-amount.ts`: 万/亿 from
 * 1万 up and whole yuan below for Chinese, whole yuan for English, one unit per table column.
 */
import { dimensionName, LABELS } from '../app/plans/plan-tables.js';
import type { Lang } from '../domain/errors.js';
import { type AmountRounding, showAmount, showAmountColumn } from '../domain/format-amount.js';
import { PACE_FIGURE_LABELS } from '../domain/labels.js';
import type { Funnel } from '../domain/plan/funnel.js';
import {
  FUNNEL_LINE_LABELS,
  type FunnelLine,
  type FunnelLineKey,
  funnelLines,
  missingInputLabel,
} from '../domain/plan/funnel-lines.js';
import type { PeriodAmounts, PlanResult } from '../domain/plan/plan.js';
import { type Align, type AmountCell, amountCell, renderTable, showCells } from './text-table.js';

/** A missing funnel input in words, with where to give it (option or plan-file key). */
function missingLabel(key: string, lang: Lang): string {
  const flag =
    key === 'classes.new.averageOrder' ? '--new-order 或 ' : key === 'funnel.winRate' ? '--win-rate 或 ' : '';
  const where = lang === 'zh' ? `${flag}${key}` : `${flag.replace(' 或 ', ' or ')}${key}`;
  const words = missingInputLabel(key, lang);
  return words === key ? key : lang === 'zh' ? `${words}（${where}）` : `${words} (${where})`;
}

/** Why a day carries no target. */
type NoTargetReason = 'off' | 'before' | 'office';

const TEXT = {
  zh: {
    title: (y: number, t: string, s: string) => `${y} 年销售计划 · 目标 ${t} · 起始 ${s}`,
    days: (w: number, f: number, o: number, src: string) =>
      `工作日 ${w} 天（见客户 ${f} 天，办公室 ${o} 天）· 节假日：${src === 'chinese-holidays' ? '中国法定节假日与调休' : '仅周一至周五（无节假日数据）'}`,
    warning: '注意',
    quarters: '季度',
    months: '月度',
    weeks: '周',
    today: '今天',
    markets: '市场',
    classes: '客户类别',
    members: '团队成员',
    funnel: '必要条件（漏斗）',
    seminars: '会销',
    catchUp: '追赶计划',
    period: '期间',
    workingDays: '工作日',
    fieldDays: '见客户日',
    amount: '金额',
    share: '占比',
    cities: '城市',
    customers: '现有客户',
    repeat: '回头率',
    buyers: '预计复购',
    order: '平均订单',
    orders: '需签单',
    weight: '权重',
    weekSummary: (n: number, total: number, avg: string, min: string, max: string) =>
      `${total} 周中 ${n} 周有目标，平均每周 ${avg}，最少 ${min}，最多 ${max}`,
    week: (w: string, s: string, e: string, a: string, d: number) =>
      `${w}（${s} ~ ${e}）：${a}，${d} 个工作日`,
    thisWeek: '本周',
    nextWeek: '下周',
    todayLine: (d: string, wd: string, kind: string, a: string) =>
      `${d} ${wd} · ${kind} · ${PACE_FIGURE_LABELS.planToday.zh} ${a}`,
    todayMore: (w: string, m: string, p: string) => `本周 ${w} · 本月 ${m} · 截至今天累计 ${p}`,
    ordersEq: (n: number) => `${n} 单`,
    monthOrders: '本月需签（按平均订单额）：',
    noTarget: (why: NoTargetReason) =>
      ({
        off: '今天休息，没有目标',
        before: '计划还没开始，今天没有目标',
        office: '今天是办公室日，目标分配在见客户日',
      })[why],
    winRate: (w: string) => `成交率 ${w}`,
    perWin: (per: number) => `每成交平均见面 ${per} 次`,
    capacity: (c: number, d: number, per: number) => `见面能力 ${c} 次（${d} 个见客户日 × 每天 ${per} 次）`,
    closeRule: (dist: string) => `成交时第几次见面：${dist}（目标：两次见面内成交）`,
    feasible: '结论：可行 ✓',
    short: (m: number, c: number, p: number) =>
      `结论：不足 ✗ —— 缺 ${m} 次见面${p ? `、${p} 个潜在客户` : ''}，约少签 ${c} 个客户`,
    unknown: (missing: string) => `结论：缺少数据，无法判断 —— 请补充${missing}`,
    seminarLine: (n: number, per: number, inv: number) =>
      `共 ${n} 场，每场邀请 ${per} 人，全年邀请 ${inv} 人次`,
    noSeminar: '未设置每场邀请人数（seminars.invitations）',
    catchUpLine: (asOf: string, a: string, p: string) => `截至 ${asOf}：实际签单 ${a}，计划 ${p}`,
    ahead: (d: string) => `超前 ${d}`,
    behind: (d: string) => `落后 ${d}`,
    onTrack: '与计划持平',
    ignoredOutside: (n: number) => `另有 ${n} 笔签单不在本计划期内，未计入`,
    ignoredLater: (n: number, d: string) => `另有 ${n} 笔签单日期在 ${d} 之后，未计入`,
    rate: (r: string, o: string, n: number, rem: string) =>
      `剩余 ${rem}，${n} 个工作日，每天需 ${r}（原计划每天 ${o}）`,
  },
  en: {
    title: (y: number, t: string, s: string) => `Sales plan ${y} · target ${t} · from ${s}`,
    days: (w: number, f: number, o: number, src: string) =>
      `${w} working days (${f} field, ${o} office) · holidays: ${src === 'chinese-holidays' ? "China's public holidays and make-up days" : 'Mon–Fri only (no holiday data)'}`,
    warning: 'Warning',
    quarters: 'Quarters',
    months: 'Months',
    weeks: 'Weeks',
    today: 'Today',
    markets: 'Markets',
    classes: 'Customer classes',
    members: 'Team members',
    funnel: 'Necessary conditions (funnel)',
    seminars: 'Seminars',
    catchUp: 'Catch-up',
    period: 'Period',
    workingDays: 'Working days',
    fieldDays: 'Field days',
    amount: 'Amount',
    share: 'Share',
    cities: 'Cities',
    customers: 'Customers',
    repeat: 'Repeat',
    buyers: 'Repeat buyers',
    order: 'Avg order',
    orders: 'Orders',
    weight: 'Weight',
    weekSummary: (n: number, total: number, avg: string, min: string, max: string) =>
      `${n} of ${total} weeks carry a target: ${avg} a week on average, smallest ${min}, largest ${max}`,
    week: (w: string, s: string, e: string, a: string, d: number) =>
      `${w} (${s} – ${e}): ${a}, ${d} working days`,
    thisWeek: 'This week',
    nextWeek: 'Next week',
    todayLine: (d: string, wd: string, kind: string, a: string) =>
      `${d} ${wd} · ${kind} · ${PACE_FIGURE_LABELS.planToday.en.toLowerCase()} ${a}`,
    todayMore: (w: string, m: string, p: string) => `this week ${w} · this month ${m} · planned to date ${p}`,
    ordersEq: (n: number) => `${n} orders`,
    monthOrders: 'Orders this month needs (at average order values): ',
    noTarget: (why: NoTargetReason) =>
      ({
        off: 'Day off: no target today',
        before: 'The plan has not started yet: no target today',
        office: 'Office day: the target is spread over field days',
      })[why],
    winRate: (w: string) => `win rate ${w}`,
    perWin: (per: number) => `${per} meetings per win`,
    capacity: (c: number, d: number, per: number) =>
      `capacity ${c} meetings (${d} field days × ${per} a day)`,
    closeRule: (dist: string) => `won at meeting no.: ${dist} (aim: close within two meetings)`,
    feasible: 'Verdict: feasible ✓',
    short: (m: number, c: number, p: number) =>
      `Verdict: short ✗ — ${m} meetings${p ? ` and ${p} prospects` : ''} missing, about ${c} customers fewer`,
    unknown: (missing: string) => `Verdict: missing data — add ${missing}`,
    seminarLine: (n: number, per: number, inv: number) =>
      `${n} seminars, ${per} invitations each, ${inv} in the year`,
    noSeminar: 'No invitations per seminar set (seminars.invitations)',
    catchUpLine: (asOf: string, a: string, p: string) => `As of ${asOf}: signed ${a}, planned ${p}`,
    ahead: (d: string) => `ahead by ${d}`,
    behind: (d: string) => `behind by ${d}`,
    onTrack: 'on plan',
    ignoredOutside: (n: number) => `${n} signed amounts outside this plan's period were not counted`,
    ignoredLater: (n: number, d: string) => `${n} signed amounts dated after ${d} were not counted`,
    rate: (r: string, o: string, n: number, rem: string) =>
      `${rem} left over ${n} working days: ${r} a day needed (plan: ${o} a day)`,
  },
} as const;

/**
 * The funnel's lines in the words of the plan page and the export (`funnel-lines.ts`): each
 * line with its parts in brackets, and a note where one is given, e.g.
 * `需要见面次数（合计） 453（见老客户次数 96 · 见新客户次数 357；每成交平均见面 1.45 次）`.
 */
function funnelText(f: Funnel, lang: Lang, notes: Partial<Record<FunnelLineKey, string>>): string[] {
  const lines = funnelLines(f);
  const [open, sep, close, semi] = lang === 'zh' ? ['（', ' · ', '）', '；'] : [' (', ' · ', ')', '; '];
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (line.part) return;
    const parts: string[] = [];
    for (let j = i + 1; j < lines.length && lines[j]?.part; j++) {
      const part = lines[j] as FunnelLine;
      const word = FUNNEL_LINE_LABELS[part.key][lang];
      // Inside the brackets an English word goes on in lower case ("453 (meetings with …").
      parts.push(`${lang === 'en' ? word.charAt(0).toLowerCase() + word.slice(1) : word} ${part.value}`);
    }
    const inside = [parts.join(sep), notes[line.key]].filter(Boolean).join(semi);
    out.push(
      `${FUNNEL_LINE_LABELS[line.key][lang]} ${line.value}${inside ? `${open}${inside}${close}` : ''}`,
    );
  });
  return out;
}

/** Renders the plan for a terminal in `lang`. */
export function renderPlan(plan: PlanResult, lang: Lang): string {
  const t = TEXT[lang];
  const L = LABELS[lang];
  const money = (minor: number, rounding?: AmountRounding) =>
    showAmount(minor, lang, rounding ? { rounding } : {});
  const table = (header: readonly string[], rows: (string | AmountCell)[][], align: readonly Align[]) =>
    renderTable(header, showCells(rows, lang), align);
  const pct = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;
  const out: string[] = [];
  const section = (title: string, body: string) => out.push('', `■ ${title}`, body);
  const s = plan.settings;

  out.push(t.title(s.year, money(s.target), s.startDate));
  out.push(
    // Days of the plan's range (a mid-year start counts from its first day).
    t.days(
      plan.year.workingDays,
      plan.year.fieldDays,
      plan.year.workingDays - plan.year.fieldDays,
      plan.calendar.source,
    ),
  );
  for (const w of plan.warnings) out.push(`⚠ ${t.warning}: ${w[lang]}`);

  const marketHeaders = s.marketsGiven ? plan.dimensions.markets.map((m) => dimensionName(m.name, lang)) : [];
  const periodHeader = [t.period, t.workingDays, t.fieldDays, t.amount, ...marketHeaders];
  const align: Align[] = ['left', ...periodHeader.slice(1).map(() => 'right' as const)];
  const periodRow = (label: string, p: PeriodAmounts) => [
    label,
    String(p.workingDays),
    String(p.fieldDays),
    amountCell(p.amount),
    ...(s.marketsGiven ? p.byMarket.map((a) => amountCell(a)) : []),
  ];
  section(
    t.quarters,
    table(
      periodHeader,
      [...plan.quarters.map((q) => periodRow(`Q${q.quarter}`, q)), periodRow(String(s.year), plan.year)],
      align,
    ),
  );
  section(
    t.months,
    table(
      periodHeader,
      plan.months.map((m) => periodRow(`${s.year}-${String(m.month).padStart(2, '0')}`, m)),
      align,
    ),
  );

  const carrying = plan.weeks.filter((w) => w.amount > 0);
  if (carrying.length > 0) {
    const amounts = carrying.map((w) => w.amount);
    const avg = Math.round(amounts.reduce((a, b) => a + b, 0) / carrying.length);
    // Average, smallest and largest side by side: one unit for the three.
    const [avgShown = '', minShown = '', maxShown = ''] = showAmountColumn(
      [avg, Math.min(...amounts), Math.max(...amounts)],
      lang,
    );
    const lines = [t.weekSummary(carrying.length, plan.weeks.length, avgShown, minShown, maxShown)];
    const today = plan.today?.date;
    const at = today ? plan.weeks.findIndex((w) => w.start <= today && today <= w.end) : -1;
    const label = (w: (typeof plan.weeks)[number]) => `${w.isoYear}-W${String(w.week).padStart(2, '0')}`;
    for (const [name, week] of [
      [t.thisWeek, plan.weeks[at]],
      [t.nextWeek, plan.weeks[at + 1]],
    ] as const) {
      if (at >= 0 && week)
        lines.push(
          `${name}: ${t.week(label(week), week.start, week.end, money(week.amount), week.workingDays)}`,
        );
    }
    section(t.weeks, lines.join('\n'));
  }

  if (plan.today) {
    const d = plan.today.day;
    const kind = d.holiday ? `${L.kind[d.kind]}（${d.holiday[lang]}）` : L.kind[d.kind];
    const lines = [
      t.todayLine(d.date, L.weekdays[d.weekday] ?? '', kind, money(d.amount)),
      t.todayMore(
        money(plan.today.weekAmount),
        money(plan.today.monthAmount),
        money(plan.today.plannedToDate),
      ),
    ];
    if (d.amount > 0) {
      // Parts of one amount side by side share one unit, like a table column.
      const parts = (names: string[], amounts: number[]) => {
        const shown = showAmountColumn(amounts, lang);
        return names.map((name, i) => `${name} ${shown[i]}`).join(' · ');
      };
      const classes = plan.dimensions.classes
        .map((c, i) => [L.class[c.key], d.byClass[i] ?? 0] as const)
        .filter(([, amount]) => amount > 0);
      lines.push(
        parts(
          classes.map(([name]) => name),
          classes.map(([, amount]) => amount),
        ),
      );
      if (s.marketsGiven) {
        lines.push(
          parts(
            plan.dimensions.markets.map((m) => dimensionName(m.name, lang)),
            plan.dimensions.markets.map((_, i) => d.byMarket[i] ?? 0),
          ),
        );
      }
    } else {
      lines.push(t.noTarget(!d.working ? 'off' : d.date < s.startDate ? 'before' : 'office'));
    }
    const orders = plan.dimensions.classes
      .map((c, i) => [c, plan.today?.monthOrders[i]] as const)
      .filter(([, n]) => n != null && n > 0)
      .map(([c, n]) => `${L.class[c.key]} ${t.ordersEq(n as number)}`);
    if (orders.length > 0) lines.push(`${t.monthOrders}${orders.join(' · ')}`);
    section(t.today, lines.join('\n'));
  }

  if (s.marketsGiven) {
    section(
      t.markets,
      table(
        [t.markets, t.cities, t.share, t.amount],
        plan.dimensions.markets.map((m) => [
          m.name,
          m.cities.join(lang === 'zh' ? '、' : ', '),
          `${m.share}%`,
          amountCell(m.amount),
        ]),
        ['left', 'left', 'right', 'right'],
      ),
    );
  }

  const f = plan.funnel;
  section(
    t.classes,
    table(
      [t.classes, t.amount, t.share, t.customers, t.repeat, t.buyers, t.order, t.orders],
      f.classes.map((c) => [
        L.class[c.key],
        amountCell(c.amount),
        pct(s.target ? c.amount / s.target : 0),
        c.customers === undefined ? '' : String(c.customers),
        c.repeatRate === undefined ? '' : pct(c.repeatRate),
        c.expectedBuyers === undefined ? '' : String(c.expectedBuyers),
        c.averageOrder === undefined ? '' : amountCell(c.averageOrder),
        c.ordersNeeded === undefined ? '' : String(c.ordersNeeded),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );

  if (s.membersGiven) {
    const monthIndex = plan.today ? Number(plan.today.date.slice(5, 7)) - 1 : -1;
    const month = plan.months[monthIndex];
    section(
      t.members,
      table(
        [
          t.members,
          t.weight,
          t.amount,
          ...(month ? [`${s.year}-${String(month.month).padStart(2, '0')}`] : []),
          ...(plan.today ? [t.today] : []),
        ],
        plan.dimensions.members.map((m, i) => [
          m.name,
          String(m.weight),
          amountCell(m.amount),
          ...(month ? [amountCell(month.byMember[i] ?? 0)] : []),
          ...(plan.today ? [amountCell(plan.today.day.byMember[i] ?? 0)] : []),
        ]),
        ['left', 'right', 'right', 'right', 'right'],
      ),
    );
  }

  const v = f.verdict;
  section(
    t.funnel,
    (v.status === 'unknown'
      ? [
          t.closeRule(f.meetingClose.map((share, i) => `${i + 1}: ${pct(share)}`).join(' / ')),
          t.capacity(f.capacity.meetings, f.capacity.fieldDays, f.capacity.meetingsPerFieldDay),
          t.unknown(v.missing.map((m) => missingLabel(m, lang)).join(lang === 'zh' ? '、' : ', ')),
        ]
      : [
          ...funnelText(f, lang, {
            meetingsTotal: t.perWin(f.meetingsPerWin),
            prospectsToMeet: t.winRate(pct(f.winRate)),
          }),
          t.closeRule(f.meetingClose.map((share, i) => `${i + 1}: ${pct(share)}`).join(' / ')),
          t.capacity(f.capacity.meetings, f.capacity.fieldDays, f.capacity.meetingsPerFieldDay),
          v.status === 'feasible' ? t.feasible : t.short(v.shortMeetings, v.shortCustomers, v.shortProspects),
        ]
    ).join('\n'),
  );

  const sem = plan.seminars;
  const semLines = [
    sem.invitationsPerSeminar > 0
      ? t.seminarLine(sem.count, sem.invitationsPerSeminar, sem.totalInvitations)
      : t.noSeminar,
  ];
  if (sem.invitationsPerSeminar > 0) {
    for (const m of sem.byMarket) {
      semLines.push(
        `  ${dimensionName(m.market, lang)} ${m.invitations}: ${m.cities.map((c) => `${dimensionName(c.city, lang)} ${c.invitations}`).join(' · ')}`,
      );
    }
  }
  section(t.seminars, semLines.join('\n'));

  const c = plan.catchUp;
  if (c) {
    const standing =
      c.status === 'ahead'
        ? t.ahead(money(c.difference))
        : c.status === 'behind'
          ? t.behind(money(-c.difference, 'up'))
          : t.onTrack;
    // Figures compared in one sentence share one unit; what is still to reach rounds up, so
    // doing what is shown is enough.
    const [actual = '', planned = ''] = showAmountColumn([c.actualToDate, c.plannedToDate], lang);
    const [required = '', plannedRate = ''] = showAmountColumn(
      [{ amount: c.requiredDailyRate, rounding: 'up' }, c.plannedDailyRate],
      lang,
    );
    section(
      t.catchUp,
      [
        `${t.catchUpLine(c.asOf, actual, planned)} · ${standing}`,
        t.rate(required, plannedRate, c.remainingDays, money(c.remaining, 'up')),
        ...(c.ignoredOutsidePlan > 0 ? [t.ignoredOutside(c.ignoredOutsidePlan)] : []),
        ...(c.ignoredLaterActuals > 0 ? [t.ignoredLater(c.ignoredLaterActuals, c.asOf)] : []),
      ].join('\n'),
    );
  }
  return out.join('\n');
}
