/**
 * The one error type of Closer. Every failure a user can cause has a code from the closed
 * catalog below, a message in zh-CN and en, an HTTP status (for the coming API) and a CLI
 * exit code. docs/ERRORS.md lists the same codes; a test keeps the two in step.
 */

/** Languages the product speaks. */
export type Lang = 'zh' | 'en';

interface ErrorSpec {
  /** HTTP status the API will answer with. */
  readonly http: number;
  /** Exit code of the CLI. 2 = bad input, 3 = file problem, 1 = internal. */
  readonly exit: number;
  /** Message templates; `{name}` is replaced by `details.name`. */
  readonly zh: string;
  readonly en: string;
}

/** The closed catalog of error codes. Add here, then document in docs/ERRORS.md. */
export const ERROR_CATALOG = {
  'AMOUNT.INVALID': {
    http: 400,
    exit: 2,
    zh: '无法识别金额“{input}”。可以这样写：588万、5.88M、1.2亿、¥5,880,000、5880000.50',
    en: 'Cannot read the amount "{input}". Write it like 588万, 5.88M, 1.2亿, ¥5,880,000 or 5880000.50',
  },
  'AMOUNT.NEGATIVE': {
    http: 400,
    exit: 2,
    zh: '金额“{input}”不能为负数',
    en: 'The amount "{input}" cannot be negative',
  },
  'AMOUNT.TOO_LARGE': {
    http: 400,
    exit: 2,
    zh: '金额“{input}”超出上限（{max}）',
    en: 'The amount "{input}" is beyond the limit ({max})',
  },
  'AMOUNT.TOO_PRECISE': {
    http: 400,
    exit: 2,
    zh: '金额“{input}”最多保留两位小数（精确到分）',
    en: 'The amount "{input}" has more than two decimals (the smallest unit is 0.01)',
  },
  'PLAN.INVALID': {
    http: 400,
    exit: 2,
    zh: '计划设置有误：{problems}',
    en: 'The plan settings are not valid: {problems}',
  },
  'PLAN.SHARES_NOT_100': {
    http: 400,
    exit: 2,
    zh: '{what}的占比合计为 {sum}%，必须正好是 100%',
    en: 'The {what} shares add up to {sum}%, they must add up to exactly 100%',
  },
  'PLAN.NO_WORKING_DAYS': {
    http: 400,
    exit: 2,
    zh: '从 {from} 到 {to} 没有工作日，目标无法分配',
    en: 'There is no working day from {from} to {to}, so the target cannot be spread',
  },
  'PLAN.DATE_OUT_OF_YEAR': {
    http: 400,
    exit: 2,
    zh: '日期 {date} 不在计划年度 {year} 内',
    en: 'The date {date} is not in the plan year {year}',
  },
  'CLI.BAD_OPTION': {
    http: 400,
    exit: 2,
    zh: '参数 {option} 有误：{reason}',
    en: 'Option {option} is not valid: {reason}',
  },
  'FILE.NOT_FOUND': {
    http: 404,
    exit: 3,
    zh: '找不到文件 {path}',
    en: 'File not found: {path}',
  },
  'FILE.UNREADABLE': {
    http: 400,
    exit: 3,
    zh: '无法读取文件 {path}：{reason}',
    en: 'Cannot read the file {path}: {reason}',
  },
  'FILE.UNWRITABLE': {
    http: 500,
    exit: 3,
    zh: '无法写入 {path}：{reason}',
    en: 'Cannot write {path}: {reason}',
  },
  'CONFIG.INVALID': {
    http: 500,
    exit: 2,
    zh: '配置有误：{problems}',
    en: 'The configuration is not valid: {problems}',
  },
  'DB.UNAVAILABLE': {
    http: 503,
    exit: 4,
    zh: '无法连接数据库（{reason}）',
    en: 'Cannot reach the database ({reason})',
  },
  'DB.NEWER_SCHEMA': {
    http: 500,
    exit: 4,
    zh: '数据库来自更新版本的 Closer（未知迁移 {migrations}），请升级后再使用',
    en: 'The database was written by a newer Closer (unknown migrations {migrations}); upgrade before using it',
  },
  INTERNAL: {
    http: 500,
    exit: 1,
    zh: '内部错误，请联系管理员（{reason}）',
    en: 'Internal error, please tell your administrator ({reason})',
  },
} as const satisfies Record<string, ErrorSpec>;

/** A code of the catalog. */
export type ErrorCode = keyof typeof ERROR_CATALOG;

/** Values a message may mention, plus field-level details for validation errors. */
export type ErrorDetails = Record<string, unknown>;

/** A failure with a catalog code; `message` is English, `messageIn(lang)` localises. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}) {
    super(renderMessage(code, details, 'en'));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** The user-facing message in the given language. */
  messageIn(lang: Lang): string {
    return renderMessage(this.code, this.details, lang);
  }

  /** HTTP status for this error. */
  get httpStatus(): number {
    return ERROR_CATALOG[this.code].http;
  }

  /** CLI exit code for this error. */
  get exitCode(): number {
    return ERROR_CATALOG[this.code].exit;
  }
}

/** Values of the `what` detail: stable keys for programs, translated words in messages. */
const TERMS: Record<string, Record<Lang, string>> = {
  market: { zh: '市场', en: 'market' },
  class: { zh: '客户类别', en: 'class' },
  'meeting-close': { zh: '见面成交分布', en: 'meeting-close' },
};

/** Fills a catalog template with details; unknown placeholders stay visible. */
export function renderMessage(code: ErrorCode, details: ErrorDetails, lang: Lang): string {
  const template = ERROR_CATALOG[code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = details[name];
    if (value === undefined) return whole;
    if (Array.isArray(value)) return value.join(lang === 'zh' ? '；' : '; ');
    const text = String(value);
    return name === 'what' ? (TERMS[text]?.[lang] ?? text) : text;
  });
}

/** True when `value` is an AppError (also across module copies). */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
