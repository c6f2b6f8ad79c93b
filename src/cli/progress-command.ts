/**
 * `closer today`, `closer progress` and `closer forecast`: the caller's day, actual vs plan
 * and the year-end forecast, from the workspace database (SQLite under --data-dir or
 * DATA_DIR, or PostgreSQL with --database-url / DATABASE_URL), acting as `--user <email>`
 * (default: the only manager when the database holds one workspace). Tables by default,
 * `--json` for scripts; amounts by the one display rule of `domain/format-amount.ts`.
 */
import type { Command } from 'commander';
import { uuidv7 } from 'uuidv7';
import type { Deps, Principal } from '../app/context.js';
import { type CallerProblems, cliPrincipal } from '../app/import/cli-principal.js';
import { computeForecast } from '../app/progress/compute-forecast.js';
import { computeProgress } from '../app/progress/compute-progress.js';
import { getToday, type TodayView } from '../app/progress/get-today.js';
import { MAX_RUNS } from '../contract/progress.js';
import { isIsoDate } from '../domain/dates.js';
import { AppError, type Lang } from '../domain/errors.js';
import { type AmountRounding, showAmount, showAmountColumn, showPercent } from '../domain/format-amount.js';
import { labelOf, PACE_FIGURE_LABELS, segmentLabel } from '../domain/labels.js';
import { DEFAULT_RUNS, DEFAULT_SEED, type Forecast } from '../domain/method/forecast.js';
import {
  PROGRESS_DIMENSIONS,
  PROGRESS_LEVELS,
  type ProgressDimension,
  type ProgressLevel,
  type ProgressRow,
} from '../domain/method/progress.js';
import { type DatabaseOptions, databaseConfig, databaseOptions, onDatabase } from './database-options.js';
import { type CliIo, defaultLang } from './io.js';
import { amountCell, renderTable, showCells } from './text-table.js';

interface CommonOptions extends DatabaseOptions {
  user?: string;
  json?: boolean;
  lang?: string;
}
interface TodayOptions extends CommonOptions {
  date?: string;
}
interface ProgressOptions extends CommonOptions {
  year?: string;
  level?: string;
  dimension?: string;
  asOf?: string;
}
interface ForecastOptions extends CommonOptions {
  year?: string;
  seed?: string;
  runs?: string;
}

/** Adds `today`, `progress` and `forecast` to `program`. */
export function registerProgressCommands(program: Command, io: CliIo): void {
  const common = (command: Command) =>
    databaseOptions(command)
      .option('--user <email>', 'act as this member (default: the only manager)')
      .option('--lang <lang>', 'output language: zh or en')
      .option('--json', 'print JSON');

  common(
    program
      .command('today')
      .description("Today's number, follow-ups due and customers to call · 今日目标与建议客户")
      .option('--date <date>', 'the day, e.g. 2026-03-02 (default: today)'),
  ).action(async (options: TodayOptions) => {
    const lang = langOf(options, io);
    const date = options.date === undefined ? undefined : checkDate('--date', options.date);
    await withCaller(io, options, async (deps, principal) => {
      const view = await getToday(deps, principal, date ? { date } : {});
      io.stdout(options.json ? `${JSON.stringify(view, null, 2)}\n` : `${renderToday(view, lang)}\n`);
    });
  });

  common(
    program
      .command('progress')
      .description('Actual vs plan at a level and dimension, with the run-rate still needed · 进度')
      .option('--year <year>', 'plan year (default: this year)')
      .option('--level <level>', `${PROGRESS_LEVELS.join(' | ')} (default: months)`)
      .option('--dimension <dimension>', `${PROGRESS_DIMENSIONS.join(' | ')} (default: none)`)
      .option('--as-of <date>', 'count up to this day (default: today)'),
  ).action(async (options: ProgressOptions) => {
    const lang = langOf(options, io);
    const input = {
      ...(options.year !== undefined ? { year: checkInt('--year', options.year, 2000, 2100) } : {}),
      ...(options.level !== undefined
        ? { level: checkChoice('--level', options.level, PROGRESS_LEVELS) }
        : {}),
      ...(options.dimension !== undefined
        ? { dimension: checkChoice('--dimension', options.dimension, PROGRESS_DIMENSIONS) }
        : {}),
      ...(options.asOf !== undefined ? { asOf: checkDate('--as-of', options.asOf) } : {}),
    };
    await withCaller(io, options, async (deps, principal) => {
      const report = await computeProgress(deps, principal, input);
      io.stdout(
        options.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : `${renderProgress(report.rows, report, lang)}\n`,
      );
    });
  });

  common(
    program
      .command('forecast')
      .description('Year-end forecast: P10/P50/P90 and the chance of reaching the target · 预测')
      .option('--year <year>', 'plan year (default: this year)')
      .option('--seed <n>', `random seed (same seed, same result; default ${DEFAULT_SEED})`)
      .option('--runs <n>', `simulation runs, 100–${MAX_RUNS} (default ${DEFAULT_RUNS})`),
  ).action(async (options: ForecastOptions) => {
    const lang = langOf(options, io);
    const input = {
      ...(options.year !== undefined ? { year: checkInt('--year', options.year, 2000, 2100) } : {}),
      ...(options.seed !== undefined ? { seed: checkInt('--seed', options.seed, 0, 4_294_967_295) } : {}),
      ...(options.runs !== undefined ? { runs: checkInt('--runs', options.runs, 100, MAX_RUNS) } : {}),
    };
    await withCaller(io, options, async (deps, principal) => {
      const forecast = await computeForecast(deps, principal, input);
      io.stdout(
        options.json
          ? `${JSON.stringify(forecast, null, 2)}\n`
          : `${renderForecast(forecast, forecast.year, lang)}\n`,
      );
    });
  });
}

function langOf(options: CommonOptions, io: CliIo): Lang {
  if (options.lang === undefined) return defaultLang(io.env);
  if (options.lang === 'zh' || options.lang === 'en') return options.lang;
  throw badOption('--lang', options.lang, 'zh or en', 'zh 或 en');
}

function badOption(option: string, value: string, en: string, zh: string): AppError {
  return new AppError('CLI.BAD_OPTION', {
    option,
    reason: `"${value}" — expected ${en}`,
    reasonZh: `“${value}”—— 应为${zh}`,
  });
}

function checkDate(option: string, value: string): string {
  if (!isIsoDate(value)) throw badOption(option, value, 'a date like 2026-03-02', '日期，例如 2026-03-02');
  return value;
}

function checkInt(option: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw badOption(option, value, `a whole number from ${min} to ${max}`, `${min} 到 ${max} 之间的整数`);
  }
  return n;
}

function checkChoice<T extends string>(option: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw badOption(option, value, `one of ${choices.join(', ')}`, `${choices.join('、')} 之一`);
  }
  return value as T;
}

/** Opens the database, finds the member to act as, and runs `body` with them. */
async function withCaller(
  io: CliIo,
  options: CommonOptions,
  body: (deps: Deps, principal: Principal) => Promise<void>,
): Promise<void> {
  await onDatabase(
    databaseConfig(io, options),
    async (db) =>
      body(
        { db, clock: io.now, newId: uuidv7 },
        await cliPrincipal(db, options.user, PROGRESS_CALLER_PROBLEMS),
      ),
    { migrate: true },
  );
}

/** How `closer progress` words a `--user` that names no one to act as. */
const PROGRESS_CALLER_PROBLEMS: CallerProblems = {
  noMember: (email) => ({
    reason: `no member has the email ${email}`,
    reasonZh: `没有邮箱为 ${email} 的成员`,
  }),
  severalWorkspaces: (email) => ({
    reason: `${email} belongs to several workspaces; use the API with that workspace`,
    reasonZh: `${email} 属于多个工作区，请通过该工作区的接口查看`,
  }),
  noWorkspace: {
    reason: 'the database has no workspace yet (run closer init or closer demo)',
    reasonZh: '数据库里还没有工作区（先运行 closer init 或 closer demo）',
  },
  nameMember: {
    reason: 'say which member to act as, e.g. --user manager@example.com',
    reasonZh: '请指定以哪位成员的身份查看，例如 --user manager@example.com',
  },
};

/**
 * Amounts for people (zh 万 from 1万 up, whole yuan below; en whole yuan). `up` for amounts
 * still to reach, so doing what is shown is enough.
 */
function money(minor: number, lang: Lang, rounding: AmountRounding = 'nearest'): string {
  return showAmount(Math.round(minor), lang, { rounding });
}

const STATUS = {
  ahead: { zh: '超前', en: 'ahead' },
  behind: { zh: '落后', en: 'behind' },
  on_track: { zh: '持平', en: 'on track' },
} as const;

/** A daily rate still needed (rounded up), or that no working day is left. */
function rate(value: number | null, lang: Lang): string {
  return value === null ? (lang === 'zh' ? '无剩余工作日' : 'no day left') : money(value, lang, 'up');
}

/** Rows a Today table shows; `--json` has them all. */
const SHOWN = 20;

function more(total: number, lang: Lang): string[] {
  if (total <= SHOWN) return [];
  return [
    lang === 'zh'
      ? `… 另有 ${total - SHOWN} 条（--json 查看全部）`
      : `… and ${total - SHOWN} more (--json shows all)`,
  ];
}

/** The Today view as text. */
export function renderToday(view: TodayView, lang: Lang): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  const n = view.numbers;
  if (!n) {
    lines.push(
      zh
        ? `${view.date}：${view.date.slice(0, 4)} 年还没有保存计划，没有今日目标`
        : `${view.date}: no saved plan for ${view.date.slice(0, 4)}, so no target today`,
    );
  } else {
    const day = n.working ? (zh ? '工作日' : 'working day') : zh ? '休息日' : 'day off';
    // Two labelled numbers: what the plan said for the day, and what is still needed (0 with
    // its reason when the month is met or the day carries no target), never one for the other.
    const why =
      n.neededReason === 'needed'
        ? ''
        : zh
          ? `（${labelOf('neededReason', n.neededReason, 'zh')}）`
          : ` (${labelOf('neededReason', n.neededReason, 'en')})`;
    // The two figures of one sentence share one unit (1.42万 beside 0.91万, not 9,062).
    const [planToday = '', neededToday = ''] = showAmountColumn(
      [n.planToday, { amount: n.neededToday, rounding: 'up' }],
      lang,
    );
    const team = view.scope === 'workspace' ? (zh ? '（团队合计）' : ' (team total)') : '';
    const [planWord, neededWord] = [PACE_FIGURE_LABELS.planToday[lang], PACE_FIGURE_LABELS.neededToday[lang]];
    lines.push(
      zh
        ? `${view.date}（${day}）${planWord}：${planToday}；${neededWord}：${neededToday}${why}${team}`
        : `${view.date} (${day}) ${planWord.toLowerCase()}: ${planToday}; ${neededWord.toLowerCase()}: ${neededToday}${why}${team}`,
    );
    if (!view.memberInPlan) {
      lines.push(
        zh ? '（计划里没有您的名字，所以没有分到目标）' : '(the plan does not name you, so no share of it)',
      );
    }
    const m = n.month;
    // Whether today is one of the days left: a target day not over (it needs something, or
    // nothing only because the month or the year is met).
    const counted = n.carriesTarget && n.neededReason !== 'day_over';
    // One unit for the month's figures; behind and what is still to reach round up.
    const behind = m.status === 'behind';
    const [plan = '', due = '', actual = '', gap = '', perDay = ''] = showAmountColumn(
      [
        m.plan,
        m.planToDate,
        m.actual,
        { amount: Math.abs(m.difference), rounding: behind ? 'up' : 'nearest' },
        { amount: m.requiredDailyRate ?? 0, rounding: 'up' },
      ],
      lang,
    );
    const rateText = m.requiredDailyRate === null ? (zh ? '无剩余工作日' : 'no day left') : perDay;
    const days = m.remainingWorkingDays;
    // When the year is met Today needs nothing, but the month's own plan still has a pace:
    // say which one this figure is, so 0 and the month's rate do not contradict each other.
    const yearMet = n.neededReason === 'year_met';
    lines.push(
      zh
        ? `本月：计划 ${plan}，至今应完成 ${due}，实际 ${actual}，${STATUS[m.status].zh} ${gap}；${PACE_FIGURE_LABELS.perRemainingDay.zh} ${rateText}（${PACE_FIGURE_LABELS.remainingDays.zh} ${days}${counted ? '，含今天' : ''}）${yearMet ? '——按本月计划；今年计划已完成' : ''}`
        : `Month: plan ${plan}, due so far ${due}, signed ${actual}, ${STATUS[m.status].en} by ${gap}; ${PACE_FIGURE_LABELS.perRemainingDay.en.toLowerCase()} ${rateText} (${PACE_FIGURE_LABELS.remainingDays.en.toLowerCase()} ${days}${counted ? ', today included' : ''})${yearMet ? " — the month plan's pace; this year's plan is met" : ''}`,
    );
  }
  lines.push('', zh ? '待跟进（逾期在前）' : 'Follow-ups (overdue first)');
  if (view.followUps.length === 0) lines.push(zh ? '  没有' : '  none');
  else {
    lines.push(
      renderTable(
        zh ? ['客户', '到期', '逾期天数', '类型'] : ['Customer', 'Due', 'Days overdue', 'Kind'],
        view.followUps
          .slice(0, SHOWN)
          .map((f) => [
            f.customerName,
            f.dueOn,
            String(f.daysOverdue),
            labelOf('followUpKind', f.kind, lang),
          ]),
        ['left', 'left', 'right', 'left'],
      ),
    );
    lines.push(...more(view.followUps.length, lang));
  }
  const target = n?.neededToday ?? 0;
  lines.push(
    '',
    zh
      ? `建议客户：预计合计 ${money(view.suggestionsTotal, lang)}${target > 0 ? (view.shortfall > 0 ? `，比今日还需还差 ${money(view.shortfall, lang, 'up')}` : '，足以覆盖今日还需') : ''}`
      : `Suggested customers: expected ${money(view.suggestionsTotal, lang)} in all${target > 0 ? (view.shortfall > 0 ? `, ${money(view.shortfall, lang, 'up')} short of what today still needs` : ', enough for what today still needs') : ''}`,
  );
  if (view.suggestions.length === 0) lines.push(zh ? '  没有' : '  none');
  else {
    lines.push(
      renderTable(
        zh ? ['客户', '类别', '预计金额', '原因'] : ['Customer', 'Class', 'Expected', 'Why'],
        showCells(
          view.suggestions
            .slice(0, SHOWN)
            .map((s) => [
              s.customerName,
              labelOf('customerClass', s.class, lang),
              amountCell(s.expectedAmount),
              s.reasons.map((r) => r[lang]).join(zh ? '；' : '; '),
            ]),
          lang,
        ),
        ['left', 'left', 'right', 'left'],
      ),
    );
    lines.push(...more(view.suggestions.length, lang));
  }
  return lines.join('\n');
}

/** A progress report as text. */
export function renderProgress(
  rows: readonly ProgressRow[],
  head: { year: number; asOf: string; level: ProgressLevel; dimension: ProgressDimension; scope: string },
  lang: Lang,
): string {
  const zh = lang === 'zh';
  const withSegment = head.dimension !== 'none';
  const header = zh
    ? [
        '期间',
        ...(withSegment ? ['分组'] : []),
        '计划',
        '至今计划',
        '实际',
        '差额',
        '状态',
        PACE_FIGURE_LABELS.remainingDays.zh,
        PACE_FIGURE_LABELS.perRemainingDay.zh,
      ]
    : [
        'Period',
        ...(withSegment ? ['Segment'] : []),
        'Plan',
        'Due so far',
        'Actual',
        'Difference',
        'Status',
        PACE_FIGURE_LABELS.remainingDays.en,
        PACE_FIGURE_LABELS.perRemainingDay.en,
      ];
  const body = rows.map((r) => [
    r.period,
    ...(withSegment ? [r.segment === null ? '' : segmentLabel(head.dimension, r.segment, lang)] : []),
    amountCell(r.plan),
    amountCell(r.planToDate),
    amountCell(r.actual),
    // Behind is a shortfall to make up: it rounds up, as the run-rate does.
    amountCell(r.difference, r.difference < 0 ? 'up' : undefined),
    STATUS[r.status][lang],
    String(r.remainingWorkingDays),
    r.requiredDailyRate === null ? rate(null, lang) : amountCell(r.requiredDailyRate, 'up'),
  ]);
  const align = header.map((_, i) =>
    i === 0 || (withSegment && i === 1) || i === header.length - 3 ? 'left' : 'right',
  );
  const title = zh
    ? `${head.year} 年进度（截至 ${head.asOf}${head.scope === 'team' ? '，本团队' : ''}）`
    : `Progress ${head.year} (as of ${head.asOf}${head.scope === 'team' ? ', your team' : ''})`;
  // One unit per column: a column never mixes 万 and plain yuan.
  return [title, renderTable(header, showCells(body, lang), align)].join('\n');
}

/**
 * Why the forecast says what it says: signed so far, each pipeline group's count, measured
 * chance to sign by the year end and mean amount, and the expected new business.
 */
export function renderForecastBreakdown(f: Forecast, lang: Lang): string {
  const zh = lang === 'zh';
  const b = f.breakdown;
  const rows = [
    [zh ? '已签' : 'Signed so far', '', '', amountCell(b.signedSoFar)],
    ...b.groups
      .filter((g) => g.opportunities > 0)
      .map((g) => [
        labelOf('forecastGroup', g.group, lang),
        String(g.opportunities),
        showPercent(g.winProbability),
        amountCell(g.expected),
      ]),
    [
      zh ? '新增业务（尚未进入商机）' : 'New business (not in the pipeline yet)',
      zh ? `约 ${b.newBusiness.deals.toFixed(1)} 笔` : `≈ ${b.newBusiness.deals.toFixed(1)} deals`,
      '',
      amountCell(b.newBusiness.expected),
    ],
  ];
  return [
    zh
      ? `预测从何而来（均值；赢单率按本工作区历史测得，剩 ${f.horizonDays} 天）`
      : `Where it comes from (means; win chances measured on this workspace's history, ${f.horizonDays} days left)`,
    renderTable(
      zh
        ? ['来源', '个数', '年底前签单概率', '预计金额']
        : ['Source', 'Count', 'Chance to sign by year end', 'Expected'],
      showCells(rows, lang),
      ['left', 'right', 'right', 'right'],
    ),
  ].join('\n');
}

/** A forecast as text. */
export function renderForecast(f: Forecast, year: number, lang: Lang): string {
  const zh = lang === 'zh';
  const pct = showPercent(f.probabilityOfTarget);
  const lines = [
    zh
      ? `${year} 年预测（${f.runs} 次模拟，种子 ${f.seed}，${f.opportunities} 个在跟商机）`
      : `Forecast ${year} (${f.runs} runs, seed ${f.seed}, ${f.opportunities} open opportunities)`,
    zh
      ? `目标 ${money(f.target, lang)}，已签 ${money(f.signedSoFar, lang)}；预计年末 ${money(f.expected, lang)}（P10 ${money(f.p10, lang)} · P50 ${money(f.p50, lang)} · P90 ${money(f.p90, lang)}）；达成目标的概率 ${pct}`
      : `Target ${money(f.target, lang)}, signed ${money(f.signedSoFar, lang)}; expected at year end ${money(f.expected, lang)} (P10 ${money(f.p10, lang)} · P50 ${money(f.p50, lang)} · P90 ${money(f.p90, lang)}); chance of reaching the target ${pct}`,
    renderTable(
      zh ? ['月份', '已签累计', 'P10', 'P50', 'P90'] : ['Month', 'Signed', 'P10', 'P50', 'P90'],
      showCells(
        f.months.map((m) => [
          String(m.month),
          amountCell(m.signed),
          amountCell(m.p10),
          amountCell(m.p50),
          amountCell(m.p90),
        ]),
        lang,
      ),
      ['right', 'right', 'right', 'right', 'right'],
    ),
  ];
  lines.push(renderForecastBreakdown(f, lang));
  if (f.unpriced > 0) {
    lines.push(
      zh
        ? `注意：${f.unpriced} 个商机没有金额，也没有同类签单可参考，按 0 计算`
        : `Note: ${f.unpriced} opportunities have no amount and no deal of their class to go by; counted as 0`,
    );
  }
  return lines.join('\n');
}
