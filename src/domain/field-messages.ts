/**
 * Field errors as sentences about the field ("请填写客户名称", "Password must be at least 8
 * characters"), in zh-CN and en. zod's own texts ("Too small: expected string to have >=1
 * characters", "数值过小：期望 string >=1 字符") name neither the field nor what to do, so
 * no caller ever sees them: the API's error mapping, the use cases' `parseInput`, the
 * import's rows and the web forms all render a zod issue through {@link issueSentence}.
 *
 * A field is named from {@link FIELD_LABELS}, looked up by the record type the input is
 * about (the "subject": the API's collection, `customers`, `members`, `setup` …) and the
 * field's path, most specific first. Checks of our own (`code: 'custom'`) carry their own
 * sentence: `message` in English and `params.zh` in Chinese.
 */
import type { Lang } from './errors.js';
import type { Label } from './labels.js';

/** A field's name, and optionally how to write it (shown when its format is wrong). */
export interface FieldLabel extends Label {
  readonly hint?: Label;
}

const l = (zh: string, en: string, hint?: Label): FieldLabel => (hint ? { zh, en, hint } : { zh, en });

/**
 * Field names. Keys: `subject.path` (`customers.name`), `path` (`manager.email`),
 * `subject.field` or `field` (the path's last name); array positions are left out
 * (`tags.0` → `tags`). English names are lower case, as inside a sentence.
 */
export const FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  // Set-up and members.
  'workspace.name': l('工作区名称', 'workspace name'),
  'workspace.currency': l('币种', 'currency', {
    zh: '3 个大写字母，例如 CNY',
    en: 'three capital letters such as CNY',
  }),
  'workspace.timeZone': l('时区', 'time zone', { zh: '例如 Asia/Shanghai', en: 'such as Asia/Shanghai' }),
  'workspace.locale': l('语言', 'language'),
  'manager.name': l('您的姓名', 'your name'),
  'manager.email': l('邮箱', 'email'),
  'manager.password': l('密码', 'password'),
  'members.name': l('姓名', 'name'),
  email: l('邮箱', 'email'),
  password: l('密码', 'password'),
  currentPassword: l('当前密码', 'current password'),
  newPassword: l('新密码', 'new password'),
  role: l('角色', 'role'),
  duty: l('职责', 'duty'),
  worksFor: l('协助的业务员', 'salesperson'),
  memberId: l('成员', 'member'),
  membershipId: l('成员', 'member'),
  // Customers.
  'customers.name': l('客户名称', "customer's name"),
  company: l('公司全称', 'legal name'),
  marketId: l('市场', 'market'),
  city: l('城市', 'city'),
  class: l('客户分类', 'customer class'),
  status: l('状态', 'status'),
  'customers.status': l('客户状态', 'customer status'),
  ownerId: l('负责人', 'owner'),
  assistantId: l('助理', 'assistant'),
  source: l('来源', 'source'),
  tags: l('标签', 'tags'),
  notes: l('备注', 'notes'),
  kpContactId: l('关键人', 'key person'),
  willingToSign: l('签约意愿', 'willingness to sign'),
  willingEvidence: l('签约意愿的依据', 'evidence of willingness'),
  ableToPay: l('支付能力', 'ability to pay'),
  ableEvidence: l('支付能力的依据', 'evidence of the ability to pay'),
  expectedFundsOn: l('预计到账日期', 'expected funds date'),
  statusOverrideReason: l('推进原因', 'reason for moving on'),
  customerId: l('客户', 'customer'),
  version: l('版本号', 'version'),
  q: l('搜索内容', 'search text'),
  limit: l('每页条数', 'page size'),
  cursor: l('翻页位置', 'page cursor'),
  sort: l('排序方式', 'sort order'),
  order: l('排序方向', 'sort direction'),
  // Contacts.
  'contacts.name': l('联系人姓名', "contact's name"),
  title: l('职务', 'title'),
  phone: l('电话', 'phone'),
  wechat: l('微信', 'WeChat'),
  isKeyPerson: l('关键人', 'key person'),
  // Markets, products.
  'markets.name': l('市场名称', 'market name'),
  sharePercent: l('占比', 'share'),
  share: l('占比', 'share'),
  'products.name': l('产品名称', 'product name'),
  features: l('产品卖点', 'features'),
  pains: l('痛点', 'pains'),
  productIds: l('产品', 'products'),
  // Deals.
  amountMinor: l('金额', 'amount'),
  amount: l('金额', 'amount'),
  currency: l('币种', 'currency', { zh: '3 个大写字母，例如 CNY', en: 'three capital letters such as CNY' }),
  signedOn: l('签单日期', 'signing date'),
  fundsReceivedMinor: l('已回款金额', 'funds received'),
  // Visits and follow-ups.
  visitOn: l('拜访日期', 'visit date'),
  attendees: l('参会人', 'attendees'),
  purpose: l('拜访目的', 'purpose'),
  outcome: l('拜访结果', 'outcome'),
  nextStep: l('下一步', 'next step'),
  meetingNumber: l('第几次见面', 'meeting number'),
  thirdMeetingReason: l('第三次见面的原因', 'reason for a third meeting'),
  dueOn: l('到期日', 'due date'),
  kind: l('类型', 'kind'),
  assigneeId: l('负责人', 'assignee'),
  done: l('已完成', 'done'),
  // Discovery, close attempts, chairman, next visits.
  questions: l('提问链', 'questions'),
  id: l('编号', 'id', {
    zh: '小写字母、数字、_ 或 -，1–40 个',
    en: 'lower-case letters, digits, _ or -, 1–40 of them',
  }),
  zh: l('中文', 'Chinese text'),
  en: l('英文', 'English text'),
  hint: l('中文提示', 'Chinese hint'),
  hintEn: l('英文提示', 'English hint'),
  answers: l('回答', 'answers'),
  questionId: l('问题', 'question'),
  answer: l('回答', 'answer'),
  category: l('痛点类别', 'pain category'),
  need: l('真实需求', 'real need'),
  chainVersion: l('提问链版本', 'question chain version'),
  visitId: l('拜访', 'visit'),
  result: l('结果', 'result'),
  objectionKey: l('拒签问题', 'objection'),
  response: l('处理结果', 'response'),
  concern: l('顾虑', 'concern'),
  fundsOn: l('资金到账日期', 'funds date'),
  attemptedOn: l('日期', 'date'),
  goal: l('拜访目标', 'goal'),
  meetWhom: l('要见的人', 'whom to meet'),
  bring: l('要带的资料', 'what to bring'),
  plannedOn: l('计划日期', 'planned date'),
  nextVisit: l('下次拜访', 'next visit'),
  contactId: l('联系人', 'contact'),
  wouldChooseFirst: l('是否首选', 'would choose first'),
  chairmanFollowsAdvice: l('董事长是否听取建议', 'chairman follows the advice'),
  consultedOn: l('沟通日期', 'consultation date'),
  'objection-types.key': l('编号', 'key'),
  key: l('编号', 'key'),
  label: l('名称', 'name'),
  labelZh: l('中文名称', 'Chinese name'),
  labelEn: l('英文名称', 'English name'),
  script: l('话术', 'script'),
  // Seminars.
  // A seminar's title is its name, not a contact's job title (职务).
  'seminars.title': l('会销名称', 'seminar name'),
  heldOn: l('举办日期', 'date'),
  capacity: l('名额', 'places'),
  rsvp: l('回复', 'answer'),
  attended: l('是否到场', 'attended'),
  // Plans, progress, exports, tokens, settings.
  year: l('年度', 'year'),
  revision: l('版本', 'revision'),
  settings: l('计划设置', 'plan settings'),
  asOf: l('截至日期', 'as-of date'),
  date: l('日期', 'date'),
  level: l('层级', 'level'),
  dimension: l('维度', 'breakdown'),
  groupBy: l('分组方式', 'grouping'),
  from: l('开始日期', 'start date'),
  to: l('结束日期', 'end date'),
  format: l('文件格式', 'file format'),
  lang: l('语言', 'language'),
  type: l('导入类型', 'import type'),
  dryRun: l('试运行', 'dry run'),
  mapping: l('列对应关系', 'column mapping'),
  'tokens.name': l('令牌名称', 'token name'),
  expiresAt: l('到期时间', 'expiry'),
  thirdMeetingPolicy: l('第三次见面规则', 'third-meeting rule'),
  timeZone: l('时区', 'time zone', { zh: '例如 Asia/Shanghai', en: 'such as Asia/Shanghai' }),
  name: l('名称', 'name'),
  // Further fields of the API's bodies and queries.
  workspace: l('工作区', 'workspace'),
  manager: l('管理者', 'manager'),
  current: l('当前密码', 'current password'),
  next: l('新密码', 'new password'),
  kpConfirmed: l('已确认关键人', 'key person confirmed'),
  cities: l('城市', 'cities'),
  priceMinor: l('价格', 'price'),
  customerIds: l('客户', 'customers'),
  note: l('说明', 'note'),
  venue: l('地点', 'venue'),
  archived: l('已停用', 'archived'),
  replies: l('话术', 'replies'),
  replyId: l('话术', 'reply'),
  replyText: l('实际说的话', 'words used'),
  customerWords: l('客户的原话', "customer's words"),
  dealId: l('签单', 'deal'),
  deal: l('签单', 'deal'),
  closeAttemptId: l('促成记录', 'close attempt'),
  biggestObstacle: l('最大的障碍', 'biggest obstacle'),
  productView: l('对产品的看法', 'view of the product'),
  discoveryVersion: l('提问链版本', 'question chain version'),
  includeHolidays: l('包含节假日', 'include holidays'),
  invitations: l('邀约人数', 'invitations'),
  minMeetings: l('最少见面次数', 'minimum meetings'),
  overdue: l('只看逾期', 'overdue only'),
  runs: l('模拟次数', 'number of runs'),
  seed: l('随机种子', 'random seed'),
  signedFrom: l('签单开始日期', 'signed from'),
  signedTo: l('签单结束日期', 'signed to'),
  // Plan settings (the web plan form and `closer plan` files).
  target: l('年度目标', 'annual target'),
  startDate: l('开始日期', 'start date'),
  spreadOver: l('目标分摊方式', 'spread of the target'),
  fieldDays: l('外出拜访日', 'field days'),
  markets: l('市场', 'markets'),
  classes: l('客户分类', 'customer classes'),
  members: l('成员', 'members'),
  weight: l('权重', 'weight'),
  seasonality: l('季节系数', 'seasonality'),
  funnel: l('漏斗假设', 'funnel assumptions'),
  meetingClose: l('第 1/2/3 次见面成交比例', 'share signed at the 1st/2nd/3rd meeting'),
  winRate: l('新客户成交率', 'win rate of new prospects'),
  meetingsPerFieldDay: l('每个拜访日见面次数', 'meetings per field day'),
  prospects: l('新客户线索数', 'new prospects in hand'),
  customers: l('老客户数', 'existing customers'),
  repeatRate: l('回头率', 'repeat rate'),
  averageOrder: l('平均单值', 'average order'),
  signRate: l('签约率', 'signing rate'),
  perMonth: l('每月场次', 'seminars per month'),
  seminars: l('会销', 'seminars'),
  calendar: l('日历', 'calendar'),
  daysOff: l('休息日', 'days off'),
  workdays: l('补班日', 'extra working days'),
  leave: l('请假', 'leave'),
  actuals: l('已完成业绩', 'actuals'),
};

/** Used when a field has no name in the catalog (never for a field a form shows). */
const UNNAMED: FieldLabel = { zh: '此项', en: 'this field' };

/** The path without array positions: `tags.0` → `tags`, `answers.2.answer` → `answers.answer`. */
function dotted(path: readonly PropertyKey[]): string[] {
  return path.filter((p) => typeof p === 'string' && !/^\d+$/.test(p)).map(String);
}

/**
 * The name of the field at `path` for inputs about `subject`, or null when the catalog
 * has none. The most specific key wins: `subject.path`, `path`, `subject.field`, `field`.
 */
export function findFieldLabel(path: readonly PropertyKey[], subject?: string): FieldLabel | null {
  const names = dotted(path);
  if (names.length === 0) return null;
  const full = names.join('.');
  const last = names[names.length - 1] as string;
  const keys = subject ? [`${subject}.${full}`, full, `${subject}.${last}`, last] : [full, last];
  for (const key of keys) {
    const found = FIELD_LABELS[key];
    if (found) return found;
  }
  return null;
}

/** The field's name in `lang` ("客户名称", "customer's name"); "此项" / "this field" when unknown. */
export function fieldName(path: readonly PropertyKey[], lang: Lang, subject?: string): string {
  return (findFieldLabel(path, subject) ?? UNNAMED)[lang];
}

/** What an issue may carry: a zod issue, or the same fields as fastify reports them. */
export interface IssueFacts {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message?: string | undefined;
  readonly origin?: string | undefined;
  readonly minimum?: number | bigint | undefined;
  readonly maximum?: number | bigint | undefined;
  readonly inclusive?: boolean | undefined;
  readonly exact?: boolean | undefined;
  readonly expected?: string | undefined;
  readonly format?: string | undefined;
  readonly values?: readonly unknown[] | undefined;
  readonly keys?: readonly string[] | undefined;
  readonly divisor?: number | bigint | undefined;
  readonly input?: unknown;
  readonly params?: { readonly zh?: unknown } | undefined;
}

const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "the customer's name", but "your name" as it is. */
const the = (name: string) => (/^(your|the|a|an) /.test(name) ? name : `the ${name}`);
const num = (n: unknown) => String(n);
const items = (n: unknown) => (Number(n) === 1 ? '1 item' : `${num(n)} items`);
const characters = (n: unknown) => (Number(n) === 1 ? '1 character' : `${num(n)} characters`);

/** A sentence in both languages. */
type Pair = readonly [zh: string, en: string];

function required(f: Label, origin: string | undefined): Pair {
  if (origin === 'array' || origin === 'set')
    return [`请至少填写一项${f.zh}`, `${upper(f.en)}: add at least one`];
  return [`请填写${f.zh}`, `Enter ${the(f.en)}`];
}

function tooSmall(f: Label, i: IssueFacts): Pair {
  const n = num(i.minimum);
  const F = upper(f.en);
  if (i.origin === 'string') {
    if (Number(i.minimum) <= 1 || i.input === '') return required(f, 'string');
    if (i.exact) return [`${f.zh}必须是 ${n} 个字符`, `${F} must be exactly ${characters(n)}`];
    return [`${f.zh}至少 ${n} 个字符`, `${F} must be at least ${characters(n)}`];
  }
  if (i.origin === 'array' || i.origin === 'set') {
    if (i.exact) return [`${f.zh}必须正好 ${n} 项`, `${F} must have exactly ${items(n)}`];
    if (Number(i.minimum) <= 1) return required(f, 'array');
    return [`${f.zh}至少要有 ${n} 项`, `${F} needs at least ${items(n)}`];
  }
  if (i.origin === 'date') return [`${f.zh}不能早于 ${n}`, `${F} cannot be before ${n}`];
  if (i.inclusive === false) return [`${f.zh}必须大于 ${n}`, `${F} must be more than ${n}`];
  return [`${f.zh}不能小于 ${n}`, `${F} must be ${n} or more`];
}

function tooBig(f: Label, i: IssueFacts): Pair {
  const n = num(i.maximum);
  const F = upper(f.en);
  if (i.origin === 'string') {
    if (i.exact) return [`${f.zh}必须是 ${n} 个字符`, `${F} must be exactly ${characters(n)}`];
    return [`${f.zh}最多 ${n} 个字符`, `${F} can be at most ${characters(n)}`];
  }
  if (i.origin === 'array' || i.origin === 'set') {
    if (i.exact) return [`${f.zh}必须正好 ${n} 项`, `${F} must have exactly ${items(n)}`];
    return [`${f.zh}最多 ${n} 项`, `${F} can have at most ${items(n)}`];
  }
  if (i.origin === 'date') return [`${f.zh}不能晚于 ${n}`, `${F} cannot be after ${n}`];
  if (i.inclusive === false) return [`${f.zh}必须小于 ${n}`, `${F} must be less than ${n}`];
  return [`${f.zh}不能大于 ${n}`, `${F} must be ${n} or less`];
}

const TYPE_WORDS: Record<string, Pair> = {
  number: ['数字', 'a number'],
  int: ['整数', 'a whole number'],
  bigint: ['整数', 'a whole number'],
  string: ['文字', 'text'],
  boolean: ['“是”或“否”', 'yes or no (true / false)'],
  array: ['列表', 'a list'],
  date: ['日期', 'a date'],
};

function invalidType(f: Label, i: IssueFacts): Pair {
  if (i.input === undefined || i.input === null) return required(f, i.expected);
  const F = upper(f.en);
  const word = i.expected ? TYPE_WORDS[i.expected] : undefined;
  if (word) return [`${f.zh}必须是${word[0]}`, `${F} must be ${word[1]}`];
  return [`${f.zh}的格式不对`, `${F} is not in the right form`];
}

function invalidFormat(f: FieldLabel, i: IssueFacts): Pair {
  // An empty text is a field left blank, whatever its format would have been.
  if (i.input === '') return required(f, 'string');
  const F = upper(f.en);
  switch (i.format) {
    case 'email':
      return [
        `请填写有效的${f.zh}（例如 name@example.com）`,
        `Enter a valid ${f.en} (such as name@example.com)`,
      ];
    case 'date':
      return [`${f.zh}必须是日期，写成 2026-03-01 这样`, `${F} must be a date like 2026-03-01`];
    case 'datetime':
      return [
        `${f.zh}必须是时间，写成 2026-03-01T09:00:00Z 这样`,
        `${F} must be a time like 2026-03-01T09:00:00Z`,
      ];
    case 'time':
      return [`${f.zh}必须是时刻，写成 09:30 这样`, `${F} must be a time of day like 09:30`];
    case 'url':
      return [`请填写有效的${f.zh}网址`, `Enter a valid web address for the ${f.en}`];
    case 'uuid':
    case 'guid':
    case 'cuid':
    case 'cuid2':
    case 'ulid':
    case 'nanoid':
      return [`${f.zh}不存在，请从列表中选择`, `No such ${f.en}: choose one from the list`];
    default:
      return f.hint
        ? [`${f.zh}格式不对：${f.hint.zh}`, `${F} is not in the right form: ${f.hint.en}`]
        : [`${f.zh}格式不对`, `${F} is not in the right form`];
  }
}

function invalidValue(f: Label, i: IssueFacts): Pair {
  const F = upper(f.en);
  const values = (i.values ?? []).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (values.length === 0) return [`${f.zh}的取值不对`, `${F} has a value that is not allowed`];
  // Only a program sends a value no form offers: the allowed codes are what it needs to see.
  return [`${f.zh}只能是 ${values.join('、')} 之一`, `${F} must be one of ${values.join(', ')}`];
}

function sentence(i: IssueFacts, subject: string | undefined, named?: Label): Pair {
  const f = named ?? findFieldLabel(i.path, subject) ?? UNNAMED;
  const F = upper(f.en);
  switch (i.code) {
    case 'custom': {
      const zh = typeof i.params?.zh === 'string' ? i.params.zh : undefined;
      // A refine without words of its own gets zod's "Invalid input": say which field instead.
      const own = i.message && i.message !== 'Invalid input' ? i.message : undefined;
      return [zh ?? own ?? `${f.zh}填写有误`, own ?? `${F} is not valid`];
    }
    case 'too_small':
      return tooSmall(f, i);
    case 'too_big':
      return tooBig(f, i);
    case 'invalid_type':
      return invalidType(f, i);
    case 'invalid_format':
      return invalidFormat(f, i);
    case 'invalid_value':
      return invalidValue(f, i);
    case 'not_multiple_of':
      return [`${f.zh}必须是 ${num(i.divisor)} 的倍数`, `${F} must be a multiple of ${num(i.divisor)}`];
    case 'unrecognized_keys': {
      const keys = (i.keys ?? []).join('、');
      return [`不能填写“${keys}”（没有这一项）`, `"${(i.keys ?? []).join('", "')}" is not a field here`];
    }
    default:
      return [`${f.zh}填写有误`, `${F} is not valid`];
  }
}

/**
 * One issue as a sentence about its field in `lang`. `subject` names what the input is
 * about (the API collection: `customers`, `members`, `setup` …) so a `name` reads as
 * 客户名称 or 姓名; `named` gives the field's name outright (an environment variable's).
 */
export function issueSentence(issue: IssueFacts, lang: Lang, subject?: string, named?: Label): string {
  const [zh, en] = sentence(issue, subject, named);
  return lang === 'zh' ? zh : en;
}
