/**
 * Plan settings: what a salesperson writes in a plan file, on the command line or (later)
 * in the web form, validated by one zod schema and normalised into exact numbers
 * (amounts in minor units, rates as fractions of 1).
 */
import { z } from 'zod';
import { DEFAULT_FIELD_DAYS } from '../calendar.js';
import { type IsoDate, type IsoWeekday, isIsoDate } from '../dates.js';
import { AppError } from '../errors.js';
import { fieldProblems, problemDetails } from '../issue-messages.js';
import { parseAmount } from '../money.js';

/** Customer classes of the method: A/B/C by value, plus new customers. */
export const CLASS_KEYS = ['A', 'B', 'C', 'new'] as const;
/** One of {@link CLASS_KEYS}. */
export type ClassKey = (typeof CLASS_KEYS)[number];

const WEEKDAY_NAMES: Record<string, IsoWeekday> = {
  mon: 1,
  monday: 1,
  周一: 1,
  星期一: 1,
  一: 1,
  tue: 2,
  tuesday: 2,
  周二: 2,
  星期二: 2,
  二: 2,
  wed: 3,
  wednesday: 3,
  周三: 3,
  星期三: 3,
  三: 3,
  thu: 4,
  thursday: 4,
  周四: 4,
  星期四: 4,
  四: 4,
  fri: 5,
  friday: 5,
  周五: 5,
  星期五: 5,
  五: 5,
  sat: 6,
  saturday: 6,
  周六: 6,
  星期六: 6,
  六: 6,
  sun: 7,
  sunday: 7,
  周日: 7,
  星期日: 7,
  周天: 7,
  日: 7,
  天: 7,
};

/** Reads a weekday written as `tue`, `Tuesday`, `周二` or `2`; undefined when unknown. */
export function parseWeekday(text: string | number): IsoWeekday | undefined {
  if (typeof text === 'number')
    return Number.isInteger(text) && text >= 1 && text <= 7 ? (text as IsoWeekday) : undefined;
  const key = text.trim().toLowerCase();
  if (/^[1-7]$/.test(key)) return Number(key) as IsoWeekday;
  return WEEKDAY_NAMES[key];
}

/** An amount as typed (`588万`, `¥5,880,000`) or a number of yuan; becomes minor units. */
const amount = z.union([z.string(), z.number()]).transform((value, ctx) => {
  try {
    return parseAmount(typeof value === 'number' ? String(value) : value);
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: error instanceof AppError ? error.message : String(error),
      params: { zh: error instanceof AppError ? error.messageIn('zh') : String(error) },
    });
    return z.NEVER;
  }
});

/** A percentage written as `80`, `80%` or `12.5 %`; becomes a fraction of 1. */
const percent = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const text = typeof value === 'number' ? String(value) : value.trim().replace(/\s*[%％]$/, '');
  const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n) || n < 0 || n > 100) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a percentage between 0 and 100`,
      params: { zh: `“${value}”不是 0 到 100 之间的百分比` },
    });
    return z.NEVER;
  }
  return n / 100;
});

const isoDate = z.string().transform((value, ctx) => {
  const text = value.trim();
  if (!isIsoDate(text)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not a date like 2026-03-01`,
      params: { zh: `“${text}”不是日期，请写成 2026-03-01` },
    });
    return z.NEVER;
  }
  return text as IsoDate;
});

const weekday = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const day = parseWeekday(value);
  if (day === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a weekday (mon … sun)`,
      params: { zh: `“${value}”不是星期几（周一 … 周日，或 mon … sun）` },
    });
    return z.NEVER;
  }
  return day;
});

const count = z.number().int().min(0).max(10_000_000);

/** Most members a plan may split over; beyond, a plan would take seconds and hundreds of MB. */
export const MAX_MEMBERS = 10_000;
/** Most market × class × member segments (the dimension cube) a plan may have. */
export const MAX_SEGMENTS = 50_000;

/**
 * A relative weight (member weight, monthly seasonality): 0, or at least 0.0001 — smaller
 * positive weights would be rounded to nothing by the exact allocation.
 */
const weightNumber = z
  .number()
  .min(0)
  .max(1_000_000)
  .refine((w) => w === 0 || w >= 0.0001, {
    message: 'a weight is 0 or at least 0.0001',
    params: { zh: '权重为 0 或不小于 0.0001' },
  });

const market = z.strictObject({
  name: z.string().trim().min(1).max(100),
  cities: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
  share: percent,
});

const existingClass = z.strictObject({
  /** Share of the target, when classes are planned by share. */
  share: percent.optional(),
  /** Existing customers of this class. */
  customers: count.optional(),
  /** Share of them expected to buy again this year (回头率). */
  repeatRate: percent.optional(),
  /** Average order value of this class. */
  averageOrder: amount.optional(),
});

const newClass = z.strictObject({
  share: percent.optional(),
  averageOrder: amount.optional(),
});

const member = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['manager', 'lead', 'assistant']).optional(),
  weight: weightNumber.default(1),
});

const funnel = z.strictObject({
  /** Share of won customers that signed at the 1st, 2nd and 3rd meeting. */
  meetingClose: z.array(percent).min(1).max(5).optional(),
  /** Share of new prospects met who end up signing. */
  winRate: percent.optional(),
  meetingsPerFieldDay: z.number().min(0).max(50).optional(),
  /** New prospects available to meet this year (leads in hand plus expected). */
  prospects: count.optional(),
});

const seminars = z.strictObject({
  perMonth: z.number().int().min(0).max(31).optional(),
  invitations: count.optional(),
  /** Share of invitees expected to sign at or after the seminar. */
  signRate: percent.optional(),
});

const actual = z.strictObject({
  date: isoDate,
  amount,
  market: z.string().optional(),
  class: z.enum(CLASS_KEYS).optional(),
  member: z.string().optional(),
  customer: z.string().optional(),
});

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The plan file / API body schema (input side: amounts as typed, rates in %). */
export const planInputSchema = z.strictObject({
  target: amount,
  // A quoted "2026" in a plan file is still a year.
  year: z
    .union([
      z.number(),
      z
        .string()
        .regex(/^\d{4}$/)
        .transform(Number),
    ])
    .pipe(z.number().int().min(2000).max(2100)),
  startDate: isoDate.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('CNY'),
  timeZone: z
    .string()
    .refine(isTimeZone, { message: 'not a time zone like Asia/Shanghai' })
    .default('Asia/Shanghai'),
  spreadOver: z.enum(['working-days', 'field-days']).default('working-days'),
  fieldDays: z.array(weekday).min(1).max(7).optional(),
  seasonality: z.array(weightNumber).length(12).optional(),
  markets: z.array(market).min(1).max(100).optional(),
  classes: z
    .strictObject({
      A: existingClass.optional(),
      B: existingClass.optional(),
      C: existingClass.optional(),
      new: newClass.optional(),
    })
    .optional(),
  members: z.array(member).min(1).max(MAX_MEMBERS).optional(),
  funnel: funnel.optional(),
  seminars: seminars.optional(),
  calendar: z
    .strictObject({
      daysOff: z.array(isoDate).optional(),
      workdays: z.array(isoDate).optional(),
      leave: z.array(isoDate).optional(),
    })
    .optional(),
  actuals: z.array(actual).max(1_000_000).optional(),
});

/** The plan input as a user writes it. */
export type PlanInput = z.input<typeof planInputSchema>;

/** A market with its share as a fraction. */
export interface MarketSetting {
  readonly name: string;
  readonly cities: readonly string[];
  /** Share in percent as written (for display) and as weight. */
  readonly share: number;
}

/** Per-class assumptions (all optional: a class may be planned by share only). */
export interface ClassSetting {
  readonly key: ClassKey;
  readonly share?: number;
  readonly customers?: number;
  readonly repeatRate?: number;
  readonly averageOrder?: number;
}

/** A team member carrying part of the target. */
export interface MemberSetting {
  readonly name: string;
  readonly role?: 'manager' | 'lead' | 'assistant';
  readonly weight: number;
}

/** An actual signed amount (minor units) on a date. */
export interface ActualSetting {
  readonly date: IsoDate;
  readonly amount: number;
  readonly market?: string;
  readonly class?: ClassKey;
  readonly member?: string;
  readonly customer?: string;
}

/** Normalised, validated plan settings; amounts in minor units, rates as fractions. */
export interface PlanSettings {
  readonly target: number;
  readonly year: number;
  readonly startDate: IsoDate;
  readonly currency: string;
  readonly timeZone: string;
  readonly spreadOver: 'working-days' | 'field-days';
  readonly fieldDays: readonly IsoWeekday[];
  readonly seasonality?: readonly number[];
  /** True when the user gave markets; otherwise one market "all" stands for everything. */
  readonly marketsGiven: boolean;
  readonly markets: readonly MarketSetting[];
  readonly classes: readonly ClassSetting[];
  readonly members: readonly MemberSetting[];
  readonly membersGiven: boolean;
  readonly funnel: {
    readonly meetingClose: readonly number[];
    readonly winRate: number;
    readonly meetingsPerFieldDay: number;
    readonly prospects?: number;
  };
  readonly seminars: { readonly perMonth: number; readonly invitations: number; readonly signRate: number };
  readonly calendar: {
    readonly daysOff: readonly IsoDate[];
    readonly workdays: readonly IsoDate[];
    readonly leave: readonly IsoDate[];
  };
  readonly actuals: readonly ActualSetting[];
}

/** Defaults of the method: 65 % close at the 1st meeting, 25 % at the 2nd, 10 % at the 3rd. */
export const DEFAULT_MEETING_CLOSE = [0.65, 0.25, 0.1] as const;
/** Assumed share of new prospects met who sign, when the team has no history yet. */
export const DEFAULT_WIN_RATE = 0.3;
/** Assumed customer meetings on one field day. */
export const DEFAULT_MEETINGS_PER_FIELD_DAY = 3;

/** Shares are compared in hundredths of a percent so 33.33+33.33+33.34 passes exactly. */
function percentSum(fractions: readonly number[]): number {
  // In millionths of a percent: 33.333 + 33.333 + 33.334 is exactly 100, and float noise
  // in the parsed shares cannot tip a sum off 100.
  return fractions.reduce((sum, f) => sum + Math.round(f * 100_000_000), 0) / 1_000_000;
}

/**
 * Validates and normalises plan input. Throws AppError PLAN.INVALID with field-level
 * `details.fields` for schema problems and PLAN.SHARES_NOT_100 naming the sum for shares.
 */
export function parsePlanSettings(input: unknown): PlanSettings {
  const parsed = planInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('PLAN.INVALID', problemDetails(fieldProblems(parsed.error.issues, '(plan)')));
  }
  const p = parsed.data;
  const startDate = p.startDate ?? `${p.year}-01-01`;
  if (!startDate.startsWith(`${p.year}-`)) {
    throw new AppError('PLAN.DATE_OUT_OF_YEAR', { date: startDate, year: p.year });
  }

  const markets: MarketSetting[] = (p.markets ?? [{ name: '*', share: 1 }]).map((m) => ({
    name: m.name,
    cities: 'cities' in m && m.cities?.length ? m.cities : splitCities(m.name),
    share: m.share * 100,
  }));
  const marketSum = percentSum(markets.map((m) => m.share / 100));
  if (marketSum !== 100) throw new AppError('PLAN.SHARES_NOT_100', { what: 'market', sum: marketSum });
  const names = new Set<string>();
  for (const m of markets) {
    if (names.has(m.name)) throw invalid(`markets: "${m.name}" appears twice`);
    names.add(m.name);
  }

  const classes: ClassSetting[] = CLASS_KEYS.map((key) => ({ key, ...(p.classes?.[key] ?? {}) }));
  const withShare = classes.filter((c) => c.share !== undefined);
  if (withShare.length > 0) {
    if (withShare.length !== classes.filter((c) => p.classes?.[c.key] !== undefined).length) {
      throw invalid(
        'classes: give a share for every class you list, or plan all of them from customers and order values',
      );
    }
    const sum = percentSum(withShare.map((c) => c.share ?? 0));
    if (sum !== 100) throw new AppError('PLAN.SHARES_NOT_100', { what: 'class', sum });
  }

  const members = p.members ?? [{ name: '*', weight: 1 }];
  if (markets.length * CLASS_KEYS.length * members.length > MAX_SEGMENTS) {
    throw invalid(
      `members: ${markets.length} markets × ${CLASS_KEYS.length} classes × ${members.length} members is more than ${MAX_SEGMENTS} segments; plan large organisations per team`,
    );
  }
  if (members.every((m) => m.weight === 0))
    throw invalid('members: at least one member needs a weight above 0');
  const memberNames = new Set<string>();
  for (const m of members) {
    if (memberNames.has(m.name)) throw invalid(`members: "${m.name}" appears twice`);
    memberNames.add(m.name);
  }

  const closeSum = percentSum(p.funnel?.meetingClose ?? []);
  if (p.funnel?.meetingClose && closeSum !== 100) {
    throw new AppError('PLAN.SHARES_NOT_100', { what: 'meeting-close', sum: closeSum });
  }

  if (p.seasonality?.every((w) => w === 0)) {
    throw invalid('seasonality: at least one month needs a weight above 0');
  }

  for (const [i, a] of (p.actuals ?? []).entries()) {
    if (a.market !== undefined && p.markets && !names.has(a.market)) {
      throw invalid(`actuals.${i}.market: "${a.market}" is not one of the plan's markets`);
    }
    if (a.member !== undefined && p.members && !memberNames.has(a.member)) {
      throw invalid(`actuals.${i}.member: "${a.member}" is not one of the plan's members`);
    }
  }

  return {
    target: p.target,
    year: p.year,
    startDate,
    currency: p.currency,
    timeZone: p.timeZone,
    spreadOver: p.spreadOver,
    fieldDays: p.fieldDays ? [...new Set(p.fieldDays)].sort() : DEFAULT_FIELD_DAYS,
    ...(p.seasonality ? { seasonality: p.seasonality } : {}),
    marketsGiven: p.markets !== undefined,
    markets,
    classes,
    members,
    membersGiven: p.members !== undefined,
    funnel: {
      meetingClose: p.funnel?.meetingClose ?? DEFAULT_MEETING_CLOSE,
      winRate: p.funnel?.winRate ?? DEFAULT_WIN_RATE,
      meetingsPerFieldDay: p.funnel?.meetingsPerFieldDay ?? DEFAULT_MEETINGS_PER_FIELD_DAY,
      ...(p.funnel?.prospects !== undefined ? { prospects: p.funnel.prospects } : {}),
    },
    seminars: {
      perMonth: p.seminars?.perMonth ?? 1,
      invitations: p.seminars?.invitations ?? 0,
      signRate: p.seminars?.signRate ?? 0,
    },
    calendar: {
      daysOff: p.calendar?.daysOff ?? [],
      workdays: p.calendar?.workdays ?? [],
      leave: p.calendar?.leave ?? [],
    },
    actuals: p.actuals ?? [],
  };
}

function invalid(problem: string): AppError {
  const path = problem.split(':')[0] ?? '(plan)';
  return new AppError('PLAN.INVALID', problemDetails([{ path, message: problem, messageZh: problem }]));
}

/** "杭州主城+萧山" → ["杭州主城", "萧山"]; "富阳/桐庐/临安" → three cities. */
export function splitCities(name: string): string[] {
  return name
    .split(/[+/、，,·]/)
    .map((c) => c.trim())
    .filter(Boolean);
}
