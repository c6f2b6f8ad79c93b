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
    zh: '从 {from} 到 {to} 没有可以分配目标的日子（都是休息日，或这些月份的季节系数为 0），目标无法分配',
    en: 'No day from {from} to {to} can carry the target (all days off, or seasonality 0 for those months)',
  },
  'PLAN.DATE_OUT_OF_YEAR': {
    http: 400,
    exit: 2,
    zh: '日期 {date} 不在计划年度 {year} 内',
    en: 'The date {date} is not in the plan year {year}',
  },
  'VALIDATION.FAILED': {
    http: 400,
    exit: 2,
    zh: '填写的内容有误：{problems}',
    en: 'Some of the information is not valid: {problems}',
  },
  NOT_FOUND: {
    http: 404,
    exit: 2,
    zh: '找不到这条记录，它可能已被删除，或者您无权查看',
    en: 'This could not be found: it may have been deleted, or you may not have access to it',
  },
  'SETUP.ALREADY_DONE': {
    http: 409,
    exit: 2,
    zh: '工作区已经创建好了，请直接登录',
    en: 'The workspace is already set up; please sign in',
  },
  'USER.EMAIL_TAKEN': {
    http: 409,
    exit: 2,
    zh: '邮箱 {email} 已经有人使用，请换一个邮箱',
    en: 'The email {email} is already in use; please use another one',
  },
  'AUTH.INVALID_CREDENTIALS': {
    http: 401,
    exit: 2,
    zh: '邮箱或密码不正确',
    en: 'The email or password is not correct',
  },
  'AUTH.THROTTLED': {
    http: 429,
    exit: 2,
    zh: '登录失败次数太多，为了账号安全请 {retryAfterMinutes} 分钟后再试',
    en: "Too many failed sign-ins; for your account's safety, try again in {retryAfterMinutes} min",
  },
  'AUTH.UNAUTHENTICATED': {
    http: 401,
    exit: 2,
    zh: '请先登录（未登录或登录已过期）',
    en: 'Please sign in (you are not signed in, or your sign-in has expired)',
  },
  'AUTH.FORBIDDEN': {
    http: 403,
    exit: 2,
    zh: '您没有权限进行这项操作，如有需要请联系经理',
    en: 'You are not allowed to do this; ask your manager if you need it',
  },
  'CONFLICT.STALE': {
    http: 409,
    exit: 2,
    zh: '这条记录已被别人修改（当前版本 {currentVersion}），请刷新后再改',
    en: 'Someone else changed this record meanwhile (now version {currentVersion}); reload it and try again',
  },
  'REQUEST.TOO_LARGE': {
    http: 413,
    exit: 2,
    zh: '内容太大：最多 {limitMb} MB，请拆分后再发送',
    en: 'Too large: at most {limitMb} MB; split it and send the parts',
  },
  'CONFLICT.DUPLICATE': {
    http: 409,
    exit: 2,
    zh: '同一条记录刚刚被同时保存了两次，这一次没有保存；请刷新后查看',
    en: 'The same record was just saved twice at the same moment and this one was not saved; reload to see it',
  },
  'OBJECTION.KEY_TAKEN': {
    http: 409,
    exit: 2,
    zh: '拒签问题目录里已经有“{key}”了，请换一个标识或直接修改它',
    en: 'The objection catalog already has "{key}"; choose another key or edit that entry',
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
  // Seminars and team duties (issue 4).
  'SEMINAR.NOT_YET_HELD': {
    http: 409,
    exit: 2,
    zh: '会销在 {heldOn} 举办，还没到日期，不能登记到场',
    en: 'The seminar is on {heldOn}; attendance can only be recorded from that day on',
  },
  'HANDOFF.NOT_QUALIFIED': {
    http: 409,
    exit: 2,
    zh: '客户还没有确认合格，不能移交给主管：还需要{missing}',
    en: 'The customer is not qualified yet and cannot go to the lead: still to confirm {missing}',
  },
  'HANDOFF.NOT_WON': {
    http: 409,
    exit: 2,
    zh: '只有已成交的客户才能移交售后（当前状态：{status}）',
    en: 'Only a won customer can go to after-sales (status now: {status})',
  },
  'HANDOFF.NO_LEAD': {
    http: 409,
    exit: 2,
    zh: '找不到接手的主管：负责这个客户的助理没有所属主管',
    en: 'No lead to hand over to: the assistant of this customer works for no lead',
  },
  'HANDOFF.NO_AFTER_SALES': {
    http: 409,
    exit: 2,
    zh: '这个客户的主管没有负责售后的助理，无法移交售后',
    en: "The customer's lead has no after-sales assistant to hand over to",
  },
  'PROGRESS.NO_PLAN': {
    http: 404,
    exit: 2,
    zh: '{year} 年还没有保存销售计划，请经理先制定并保存计划，才能看进度、预测和今日目标',
    en: 'There is no saved plan for {year} yet: a manager needs to save one before progress, forecast and today’s number can be shown',
  },
  'IMPORT.MISSING_COLUMNS': {
    http: 400,
    exit: 2,
    zh: '导入文件缺少必需的列：{missing}。找到的表头：{headers}。请改表头，或用映射指定哪一列是什么',
    en: 'The import file lacks required columns: {missing}. Headers found: {headers}. Rename them, or give a mapping',
  },
  'IMPORT.UNSUPPORTED_FILE': {
    http: 400,
    exit: 3,
    zh: '无法读取导入文件“{file}”：只支持 .xlsx 和 .csv（UTF-8 或 GBK 编码）（{reason}）',
    en: 'Cannot read the import file "{file}": only .xlsx and .csv (UTF-8 or GBK) are supported ({reason})',
  },
  'BACKUP.WRONG_FORMAT': {
    http: 400,
    exit: 3,
    zh: '{path} 不是 Closer 备份文件',
    en: '{path} is not a Closer backup file',
  },
  'BACKUP.DAMAGED': {
    http: 400,
    exit: 3,
    zh: '备份文件 {path} 已损坏或不完整（{reason}），没有恢复任何数据',
    en: 'The backup file {path} is damaged or incomplete ({reason}); nothing was restored',
  },
  'BACKUP.NEWER_SCHEMA': {
    http: 400,
    exit: 3,
    zh: '备份文件来自更新版本的 Closer（未知迁移 {migrations}），请先升级 Closer 再恢复',
    en: 'The backup was written by a newer Closer (unknown migrations {migrations}); upgrade Closer before restoring it',
  },
  'BACKUP.TARGET_NOT_EMPTY': {
    http: 409,
    exit: 4,
    zh: '目标数据库已有数据（{workspaces} 个工作区，{users} 个用户）；确认要用备份替换全部数据时请加 --replace',
    en: 'The target database already has data ({workspaces} workspaces, {users} users); add --replace to replace all of it with the backup',
  },
  INTERNAL: {
    http: 500,
    exit: 1,
    zh: '内部错误，请联系管理员（{reason}）',
    en: 'Internal error, please tell your administrator ({reason})',
  },
  // Meeting discipline and qualification (issue 4).
  'VISIT.THIRD_MEETING_REASON_REQUIRED': {
    http: 400,
    exit: 2,
    zh: '这是与该客户的第 {meetingNumber} 次见面。按工作区规定，第三次及以后的见面必须写明原因（thirdMeetingReason）',
    en: 'This is meeting number {meetingNumber} with this customer. Your workspace requires a written reason (thirdMeetingReason) for a third or later meeting',
  },
  'VISIT.THIRD_MEETING_BLOCKED': {
    http: 409,
    exit: 2,
    zh: '这将是与该客户的第 {meetingNumber} 次见面。按工作区规定，同一个客户不见第三次；请和经理商量下一步',
    en: 'This would be meeting number {meetingNumber} with this customer. Your workspace does not allow a third meeting; talk to your manager about the next step',
  },
  'CUSTOMER.NOT_QUALIFIED': {
    http: 409,
    exit: 2,
    zh: '客户还没有通过资格确认，不能进入“方案”阶段。还缺：{gaps}。补齐后再推进，或填写破例原因（statusOverrideReason）',
    en: 'The customer is not qualified yet and cannot move to "proposal". Missing: {gaps}. Fill these in first, or give a reason for the exception (statusOverrideReason)',
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
    // A detail may carry its Chinese text beside it (`problems` / `problemsZh`).
    const value = (lang === 'zh' ? details[`${name}Zh`] : undefined) ?? details[name];
    if (value === undefined) return whole;
    if (Array.isArray(value)) return value.join(lang === 'zh' ? '；' : '; ');
    const text = String(value);
    return name === 'what' ? (TERMS[text]?.[lang] ?? text) : text;
  });
}

/** True when `value` is an AppError. */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
