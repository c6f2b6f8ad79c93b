/**
 * The plan editor's form values ⇄ the plan input the server stores (the same settings as
 * `closer plan`), and the live computation with the pure planning engine.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import type { IsoWeekday } from '../../../../domain/dates.js';
import { AppError } from '../../../../domain/errors.js';
import { toHolidayData } from '../../../../domain/holiday-file.js';
import { buildPlan, type PlanResult } from '../../../../domain/plan/plan.js';
import { type PlanInput, parsePlanSettings, parseWeekday } from '../../../../domain/plan/settings.js';

const holidays = toHolidayData(
  chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> },
);

type ExistingKey = 'A' | 'B' | 'C';

/** One class row of the editor. */
export interface ClassValues {
  share?: number | null;
  customers?: number | null;
  repeatRate?: number | null;
  averageOrder?: string | null;
}

/** What the editor edits. */
export interface PlanFormValues {
  target: string;
  year: number;
  spreadOver: 'working-days' | 'field-days';
  fieldDays: IsoWeekday[];
  markets: { name?: string; share?: number | null; cities?: string[] }[];
  classMode: 'share' | 'funnel';
  classes: Record<ExistingKey | 'new', ClassValues>;
  funnel: {
    meetingClose: (number | null)[];
    winRate?: number | null;
    meetingsPerFieldDay?: number | null;
    prospects?: number | null;
  };
  seasonality: (number | null)[];
  members: { name?: string; weight?: number | null; role?: 'manager' | 'lead' | 'assistant' }[];
  /** Settings the editor does not show (seminars, calendar, actuals…), kept as loaded. */
  rest: Record<string, unknown>;
}

/** The method's example plan: 588万 for the year, three markets, existing A/B/C customers. */
export function defaultPlan(year: number): PlanFormValues {
  return {
    target: '588万',
    year,
    spreadOver: 'working-days',
    fieldDays: [2, 3, 4],
    markets: [
      { name: '杭州主城+萧山', share: 50 },
      { name: '富阳/桐庐/临安', share: 40 },
      { name: '海外', share: 10 },
    ],
    classMode: 'funnel',
    classes: {
      A: { customers: 12, repeatRate: 80, averageOrder: '8万' },
      B: { customers: 40, repeatRate: 60, averageOrder: '4万' },
      C: { customers: 80, repeatRate: 40, averageOrder: '2万' },
      new: { averageOrder: '2.98万' },
    },
    funnel: { meetingClose: [65, 25, 10], winRate: 35, meetingsPerFieldDay: 4 },
    seasonality: Array.from({ length: 12 }, () => 1),
    members: [{ name: '王磊', role: 'lead', weight: 1 }],
    rest: {},
  };
}

const present = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
const opt = <T>(v: T | null | undefined): T | undefined => (present(v) ? v : undefined);
const amountText = (v: string | null | undefined) => (v?.trim() ? v.trim() : undefined);

/** Form values → plan input (only what was filled in; the engine applies its defaults). */
export function toPlanInput(v: PlanFormValues): PlanInput {
  const keys = ['A', 'B', 'C'] as const;
  const classes: NonNullable<PlanInput['classes']> = {};
  if (v.classMode === 'share') {
    for (const k of [...keys, 'new'] as const) {
      const share = v.classes[k]?.share;
      if (present(share)) classes[k] = { share };
    }
  } else {
    for (const k of keys) {
      const c = v.classes[k] ?? {};
      const row = {
        customers: opt(c.customers),
        repeatRate: opt(c.repeatRate),
        averageOrder: amountText(c.averageOrder),
      };
      if (Object.values(row).some(present)) classes[k] = row;
    }
    const averageOrder = amountText(v.classes.new?.averageOrder);
    if (averageOrder) classes.new = { averageOrder };
  }
  const meetingClose = v.funnel.meetingClose.filter(present);
  const funnel = {
    meetingClose: meetingClose.length ? meetingClose : undefined,
    winRate: opt(v.funnel.winRate),
    meetingsPerFieldDay: opt(v.funnel.meetingsPerFieldDay),
    prospects: opt(v.funnel.prospects),
  };
  const seasonality = v.seasonality.map((s) => s ?? 0);
  const input = {
    ...v.rest,
    target: v.target,
    year: v.year,
    spreadOver: v.spreadOver,
    fieldDays: v.fieldDays.length ? [...v.fieldDays].sort() : undefined,
    markets: v.markets.length
      ? v.markets.map((m) => ({
          name: m.name ?? '',
          share: m.share ?? 0,
          ...(m.cities?.length ? { cities: m.cities } : {}),
        }))
      : undefined,
    classes: Object.keys(classes).length ? classes : undefined,
    members: v.members.length
      ? v.members.map((m) => ({
          name: m.name ?? '',
          weight: m.weight ?? 0,
          ...(m.role ? { role: m.role } : {}),
        }))
      : undefined,
    funnel: Object.values(funnel).some(present) ? funnel : undefined,
    seasonality: seasonality.every((s) => s === 1) ? undefined : seasonality,
  };
  // Drop undefined keys: the schema is strict about shapes, not about absent keys, but the stored JSON stays tidy.
  return JSON.parse(JSON.stringify(input)) as PlanInput;
}

function percentNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const n = Number(value.trim().replace(/\s*[%％]$/, ''));
  return Number.isFinite(n) ? n : undefined;
}

function amountString(value: unknown): string | undefined {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : undefined;
}

/** A stored plan input → form values (what the editor cannot show is kept in `rest`). */
export function fromPlanInput(input: Record<string, unknown>): PlanFormValues {
  const p = input as Partial<Record<string, unknown>> & PlanInput;
  const { target, year, spreadOver, fieldDays, markets, classes, funnel, seasonality, members, ...rest } = p;
  const base = defaultPlan(Number(year));
  const c = (classes ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const byFunnel = ['A', 'B', 'C'].some((k) => c[k]?.customers !== undefined);
  const classValues = (k: string): ClassValues => ({
    share: percentNumber(c[k]?.share) ?? null,
    customers: typeof c[k]?.customers === 'number' ? (c[k]?.customers as number) : null,
    repeatRate: percentNumber(c[k]?.repeatRate) ?? null,
    averageOrder: amountString(c[k]?.averageOrder) ?? null,
  });
  const close = (funnel?.meetingClose ?? []).map((x) => percentNumber(x) ?? null);
  return {
    target: amountString(target) ?? '',
    year: Number(year),
    spreadOver: spreadOver ?? 'working-days',
    fieldDays: (fieldDays ?? base.fieldDays).map((d) => parseWeekday(d)).filter(present),
    markets: (markets ?? []).map((m) => ({
      name: m.name,
      share: percentNumber(m.share) ?? null,
      cities: m.cities,
    })),
    classMode: byFunnel || !classes ? 'funnel' : 'share',
    classes: classes
      ? { A: classValues('A'), B: classValues('B'), C: classValues('C'), new: classValues('new') }
      : base.classes,
    funnel: {
      meetingClose: close.length ? close : [null, null, null],
      winRate: percentNumber(funnel?.winRate) ?? null,
      meetingsPerFieldDay: funnel?.meetingsPerFieldDay ?? null,
      prospects: funnel?.prospects ?? null,
    },
    seasonality: seasonality ? [...seasonality] : base.seasonality,
    members: (members ?? []).map((m) => ({ name: m.name, weight: m.weight ?? 1, role: m.role })),
    rest,
  };
}

/** A computed plan, or why it cannot be computed yet. */
export type Preview =
  | { readonly ok: true; readonly result: PlanResult }
  | { readonly ok: false; readonly error: AppError | Error };

/** Runs the planning engine on `input` in the browser (milliseconds for a year). */
export function computePreview(input: PlanInput, today: string): Preview {
  try {
    const settings = parsePlanSettings(input);
    // "Today" only matters inside the plan year (today's number, catch-up).
    const inYear = today.startsWith(`${settings.year}-`) ? today : undefined;
    return { ok: true, result: buildPlan(settings, { holidays, ...(inYear ? { today: inYear } : {}) }) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** Field path → message of a plan error (PLAN.INVALID lists its fields). */
export function planErrorFields(error: unknown, lang: 'zh' | 'en'): Record<string, string> {
  if (!(error instanceof AppError)) return {};
  const fields = error.details.fields;
  if (!Array.isArray(fields)) return {};
  const out: Record<string, string> = {};
  for (const f of fields as { path: string; message: string; messageZh: string }[]) {
    out[f.path] ??= lang === 'zh' ? f.messageZh : f.message;
  }
  return out;
}

/** The message of a plan error in `lang`. */
export function planErrorMessage(error: unknown, lang: 'zh' | 'en'): string {
  if (error instanceof AppError) return error.messageIn(lang);
  return error instanceof Error ? error.message : String(error);
}

/** JSON with object keys sorted, so two inputs compare by content, not by key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/**
 * Whether the editor's values say the same as a stored plan input: both go through the same
 * `fromPlanInput`/`toPlanInput` round, so a value typed back to what it was is not a change.
 */
export function sameAsSaved(values: PlanFormValues, saved: Record<string, unknown>): boolean {
  return canonical(toPlanInput(values)) === canonical(toPlanInput(fromPlanInput(saved)));
}
