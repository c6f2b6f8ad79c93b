/**
 * `closer plan [FILE] [options]`: compute a plan from a plan file and/or options and print
 * it as tables, JSON, an xlsx workbook or CSV files.
 */
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { chinaHolidayData } from '../app/holiday-data.js';
import { computePlan } from '../app/plans/compute-plan.js';
import { writePlanCsv, writePlanXlsx } from '../app/plans/export-plan.js';
import { readPlanFile } from '../app/plans/read-plan-file.js';
import { dateInTimeZone, isIsoDate } from '../domain/dates.js';
import { AppError, type Lang } from '../domain/errors.js';
import { type CliIo, defaultLang } from './io.js';
import { renderPlan } from './render-plan.js';

/** Options as commander hands them over (all strings; validation happens here and in the domain). */
interface PlanOptions {
  target?: string;
  year?: string;
  start?: string;
  markets?: string;
  classes?: string;
  members?: string;
  fieldDays?: string;
  spreadOver?: string;
  seasonality?: string;
  newOrder?: string;
  winRate?: string;
  meetingsPerDay?: string;
  prospects?: string;
  actual?: string;
  date?: string;
  lang?: Lang;
  json?: boolean;
  xlsx?: string;
  csv?: string;
}

/** Adds the `plan` command to `program`. */
export function registerPlanCommand(program: Command, io: CliIo): void {
  program
    .command('plan')
    .description('Decompose an annual target into quarters, months, weeks and working days · 分解年度目标')
    .argument('[file]', 'plan file (YAML or JSON) with all settings; options override it')
    .option('--target <amount>', 'annual target, e.g. 588万, 5.88M, ¥5,880,000')
    .option('--year <year>', 'plan year, e.g. 2026')
    .option('--start <date>', 'first day with a target (mid-year start), e.g. 2026-07-01')
    .option('--markets <list>', 'markets with shares in %, e.g. "杭州主城+萧山:50,富阳/桐庐/临安:40,海外:10"')
    .option('--classes <list>', 'class shares in %, e.g. "A:30,B:30,C:20,new:20"')
    .option('--members <list>', 'team members with weights, e.g. "王磊:2,李娜:1"')
    .option('--field-days <days>', 'weekdays with customer meetings, e.g. tue,wed,thu')
    .addOption(
      new Option('--spread-over <mode>', 'which days carry the target').choices([
        'working-days',
        'field-days',
      ]),
    )
    .option('--seasonality <weights>', '12 monthly weights, e.g. "0.8,0.6,1,1,1,1,1,1,1,1.2,1.2,1.2"')
    .option('--new-order <amount>', 'average order value of a new customer, e.g. 3万')
    .option('--win-rate <percent>', 'share of new prospects met who sign, e.g. 30')
    .option('--meetings-per-day <n>', 'customer meetings on one field day, e.g. 3')
    .option('--prospects <n>', 'new prospects available this year')
    .option('--actual <amount>', 'amount signed so far (as of --date or today), for the catch-up')
    .option('--date <date>', 'the day to treat as today, e.g. 2026-03-02')
    .addOption(new Option('--lang <lang>', 'output language').choices(['zh', 'en']))
    .option('--json', 'print the whole plan as JSON')
    .option('--xlsx <file>', 'also write an Excel workbook')
    .option('--csv <dir>', 'also write one CSV per table into this folder')
    .action(async (file: string | undefined, options: PlanOptions) => {
      const lang = options.lang ?? defaultLang(io.env);
      const base = file ? await readPlanFile(resolve(io.cwd, file)) : {};
      const input = applyOptions(base as Record<string, unknown>, options);
      if (input.target === undefined) {
        throw new AppError('CLI.BAD_OPTION', {
          option: '--target',
          reason:
            lang === 'zh'
              ? '需要年度目标（或一个计划文件）'
              : 'an annual target (or a plan file) is required',
        });
      }
      if (options.date !== undefined && !isIsoDate(options.date)) {
        throw badOption('--date', options.date, 'date');
      }
      const now = io.now();
      if (options.actual !== undefined) {
        const timeZone = typeof input.timeZone === 'string' ? input.timeZone : 'Asia/Shanghai';
        const asOf = options.date ?? safeDate(now, timeZone);
        input.actuals = [{ date: asOf, amount: options.actual }];
      }
      const plan = computePlan(input, {
        holidays: chinaHolidayData(),
        now,
        ...(options.date ? { date: options.date } : {}),
      });
      if (options.xlsx) await writePlanXlsx(plan, lang, resolve(io.cwd, options.xlsx));
      if (options.csv) await writePlanCsv(plan, lang, resolve(io.cwd, options.csv));
      if (options.json) io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
      else io.stdout(`${renderPlan(plan, lang)}\n`);
      if (options.xlsx || options.csv) {
        const written = [options.xlsx, options.csv].filter(Boolean).join(', ');
        io.stderr(lang === 'zh' ? `已写入：${written}\n` : `Written: ${written}\n`);
      }
    });
}

function safeDate(now: Date, timeZone: string): string {
  try {
    return dateInTimeZone(now, timeZone);
  } catch {
    return dateInTimeZone(now, 'Asia/Shanghai');
  }
}

/** What each option expects, in both languages. */
const EXPECTED = {
  date: ['a date like 2026-03-02', '日期，例如 2026-03-02'],
  list: ['a list like "name:50,other:50"', '列表，例如 "名称:50,其他:50"'],
  number: ['a number', '数字'],
  year: ['a year like 2026', '年份，例如 2026'],
  markets: ['"name:share" for every market', '每个市场写成 "名称:占比"'],
  classes: [
    'shares for A, B, C, new like "A:30,B:30,C:20,new:20"',
    'A、B、C、new 的占比，例如 "A:30,B:30,C:20,new:20"',
  ],
} as const;

function badOption(option: string, value: string, expected: keyof typeof EXPECTED): AppError {
  const [en, zh] = EXPECTED[expected];
  return new AppError('CLI.BAD_OPTION', {
    option,
    reason: `"${value}" — expected ${en}`,
    reasonZh: `“${value}”—— 应为${zh}`,
  });
}

/** "name:50,other:40" → [{ name, value }]; the last colon separates, so names may hold colons. */
function parsePairs(option: string, text: string): { name: string; value: string | undefined }[] {
  const items = text
    .split(/[,，;；]/)
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw badOption(option, text, 'list');
  return items.map((item) => {
    const at = Math.max(item.lastIndexOf(':'), item.lastIndexOf('：'));
    if (at < 0) return { name: item, value: undefined };
    return { name: item.slice(0, at).trim(), value: item.slice(at + 1).trim() };
  });
}

function toNumber(option: string, text: string): number {
  const n = Number(text.trim().replace(/[%％]$/, ''));
  if (text.trim() === '' || !Number.isFinite(n)) throw badOption(option, text, 'number');
  return n;
}

/** Applies command-line options on top of a plan file's content (options win). */
function applyOptions(base: Record<string, unknown>, o: PlanOptions): Record<string, unknown> {
  const input: Record<string, unknown> = { ...base };
  const section = (key: string): Record<string, unknown> => {
    const current = input[key];
    const copy = current && typeof current === 'object' && !Array.isArray(current) ? { ...current } : {};
    input[key] = copy;
    return copy as Record<string, unknown>;
  };
  if (o.target !== undefined) input.target = o.target;
  if (o.year !== undefined) {
    if (!/^\d{4}$/.test(o.year.trim())) throw badOption('--year', o.year, 'year');
    input.year = Number(o.year);
  }
  if (o.start !== undefined) input.startDate = o.start;
  if (o.markets !== undefined) {
    input.markets = parsePairs('--markets', o.markets).map(({ name, value }) => {
      if (value === undefined) throw badOption('--markets', o.markets ?? '', 'markets');
      return { name, share: toNumber('--markets', value) };
    });
  }
  if (o.classes !== undefined) {
    const classes = section('classes');
    for (const { name, value } of parsePairs('--classes', o.classes)) {
      const key =
        name.toLowerCase() === 'new' || name === '新' || name === '新客户' ? 'new' : name.toUpperCase();
      if (!['A', 'B', 'C', 'new'].includes(key) || value === undefined) {
        throw badOption('--classes', o.classes, 'classes');
      }
      classes[key] = { ...(classes[key] as object), share: toNumber('--classes', value) };
    }
  }
  if (o.members !== undefined) {
    input.members = parsePairs('--members', o.members).map(({ name, value }) => ({
      name,
      weight: value === undefined ? 1 : toNumber('--members', value),
    }));
  }
  if (o.fieldDays !== undefined) input.fieldDays = o.fieldDays.split(/[,，\s]+/).filter(Boolean);
  if (o.spreadOver !== undefined) input.spreadOver = o.spreadOver;
  if (o.seasonality !== undefined) {
    input.seasonality = o.seasonality
      .split(/[,，\s]+/)
      .filter(Boolean)
      .map((w) => toNumber('--seasonality', w));
  }
  if (o.newOrder !== undefined) {
    const classes = section('classes');
    classes.new = { ...(classes.new as object), averageOrder: o.newOrder };
  }
  if (o.winRate !== undefined) section('funnel').winRate = toNumber('--win-rate', o.winRate);
  if (o.meetingsPerDay !== undefined)
    section('funnel').meetingsPerFieldDay = toNumber('--meetings-per-day', o.meetingsPerDay);
  if (o.prospects !== undefined) section('funnel').prospects = toNumber('--prospects', o.prospects);
  return input;
}
