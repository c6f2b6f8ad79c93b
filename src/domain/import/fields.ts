/**
 * What an import file's columns mean: the fields of each record type and the headers that
 * name them — Chinese and English spreadsheets, and the export formats of HubSpot,
 * Salesforce, Pipedrive, 销售易 and 纷享销客 (their public default headers). Pure data and
 * matching; reading the file is src/app/import.
 */

/** Record types that can be imported. */
export const IMPORT_TYPES = ['customers', 'contacts', 'deals', 'visits'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

/** Fields a column can map to, per type. */
export const IMPORT_FIELDS = {
  customers: ['name', 'company', 'market', 'city', 'class', 'status', 'owner', 'source', 'tags', 'notes'],
  contacts: ['customer', 'company', 'name', 'firstName', 'lastName', 'title', 'phone', 'email', 'role'],
  deals: [
    'customer',
    'company',
    'amount',
    'currency',
    'signedOn',
    'expectedFundsOn',
    'fundsReceived',
    'owner',
    'notes',
  ],
  visits: ['customer', 'company', 'visitOn', 'owner', 'attendees', 'purpose', 'outcome', 'notes', 'nextStep'],
} as const satisfies Record<ImportType, readonly string[]>;
export type ImportField = (typeof IMPORT_FIELDS)[ImportType][number];

/** Fields a file must have a column for (contacts: a name, or first and last name). */
export const REQUIRED_FIELDS: Record<ImportType, readonly string[]> = {
  customers: ['name'],
  contacts: ['customer', 'name'],
  deals: ['customer', 'amount'],
  visits: ['customer', 'visitOn'],
};

/** The customer's name: in a customers file it is `name`, elsewhere `customer`. */
const CUSTOMER_NAME = [
  '客户名称',
  '客户',
  '客户名',
  '客户全称',
  '公司名称',
  '公司',
  '企业名称',
  '单位名称',
  '所属客户',
  '客户名称（必填）',
  'company',
  'company name',
  'account',
  'account name',
  'customer',
  'customer name',
  'organization',
  'organization name',
  'organization - name',
  'deal - organization',
  'associated company',
];
const COMMON: Record<string, readonly string[]> = {
  company: [
    '公司全称',
    '工商名称',
    '企业全称',
    '工商注册名称',
    'legal name',
    'registered name',
    'company legal name',
    // After the customer's name: a `company` column beside a `name` column is the company.
    'company',
    'company name',
  ],
  market: ['市场', '区域', '销售区域', '所属区域', 'market', 'region', 'territory', 'sales region'],
  city: ['城市', '所在城市', '所在地', '市', 'city', 'billing city', 'organization - city'],
  class: ['客户级别', '客户分类', '客户等级', '级别', '分类', '等级', 'class', 'tier', 'customer class'],
  status: [
    '客户状态',
    '状态',
    '阶段',
    '销售阶段',
    '客户阶段',
    'status',
    'stage',
    'lifecycle stage',
    'lead status',
  ],
  owner: [
    '负责人',
    '销售',
    '业务员',
    '归属人',
    '所有人',
    '客户负责人',
    '销售负责人',
    '跟进人',
    '负责人邮箱',
    'owner',
    'owner email',
    'deal owner',
    'contact owner',
    'account owner',
    'company owner',
    'opportunity owner',
    'sales rep',
    'deal - owner',
    'organization - owner',
    'activity - assigned to user',
  ],
  source: ['来源', '客户来源', '线索来源', 'source', 'lead source', 'original source'],
  tags: ['标签', 'tags', 'labels', 'label'],
  notes: [
    '备注',
    '说明',
    '描述',
    '备注信息',
    'notes',
    'note',
    'description',
    'deal - note',
    'activity - note',
  ],
  title: ['职位', '职务', '头衔', 'title', 'job title', 'position'],
  phone: [
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '联系电话',
    '联系方式',
    '电话号码',
    'phone',
    'mobile',
    'phone number',
    'mobile phone',
    'mobile phone number',
    'work phone',
    'person - phone',
    'person - phone - work',
  ],
  email: [
    '邮箱',
    '电子邮件',
    '电子邮箱',
    'email',
    'e-mail',
    'email address',
    'person - email',
    'person - email - work',
  ],
  role: ['角色', '联系人角色', 'role', 'contact role'],
  firstName: ['名', 'first name', 'firstname'],
  lastName: ['姓', 'last name', 'lastname'],
  amount: [
    '金额',
    '合同金额',
    '签单金额',
    '订单金额',
    '成交金额',
    '销售金额',
    '商机金额',
    '合同总金额',
    'amount',
    'deal amount',
    'value',
    'deal - value',
    'opportunity amount',
    'total amount',
  ],
  currency: ['币种', '货币', 'currency', 'deal - currency', 'amount currency'],
  signedOn: [
    '签单日期',
    '签约日期',
    '成交日期',
    '合同日期',
    '结单日期',
    '赢单日期',
    '签订日期',
    'signed on',
    'signed date',
    'close date',
    'closed date',
    'won time',
    'deal - won time',
    'deal - close date',
  ],
  expectedFundsOn: [
    '预计回款日期',
    '回款日期',
    '计划回款日期',
    'expected funds on',
    'expected payment date',
    'payment due date',
  ],
  fundsReceived: [
    '已回款',
    '回款金额',
    '已回款金额',
    '实收金额',
    'funds received',
    'paid amount',
    'amount paid',
  ],
  visitOn: [
    '拜访日期',
    '拜访时间',
    '日期',
    '跟进时间',
    '跟进日期',
    '活动日期',
    '见面日期',
    'visit date',
    'visit on',
    'date',
    'activity date',
    'meeting date',
    'activity - due date',
    'due date',
  ],
  attendees: [
    '参会人',
    '拜访对象',
    '参与人',
    '见面人',
    '客户参与人',
    'attendees',
    'participants',
    'activity - participants',
  ],
  purpose: ['目的', '拜访目的', '主题', '跟进主题', 'purpose', 'subject', 'activity - subject'],
  outcome: ['结果', '拜访结果', '跟进结果', '跟进记录', 'outcome', 'result'],
  nextStep: ['下一步', '下一步计划', '下次计划', 'next step', 'next steps'],
};

/** Headers of the error file's reason column: ignored when an error file is re-imported. */
export const ERROR_COLUMN = { zh: '错误', en: 'Error' } as const;
const IGNORED = new Set(['错误', 'error', '错误/error', 'errors', '错误原因']);

/**
 * The header aliases of each type, by normalised header: the fields a header may mean, in
 * order. A header of two meanings takes the first one still free (`company` is the
 * customer's name, or its legal name when another column already gives the name).
 */
function aliasTable(type: ImportType): Map<string, string[]> {
  const table = new Map<string, string[]>();
  const add = (field: string, aliases: readonly string[]) => {
    for (const alias of aliases) {
      const key = normaliseHeader(alias);
      const fields = table.get(key) ?? [];
      if (!fields.includes(field)) table.set(key, [...fields, field]);
    }
  };
  if (type === 'customers') {
    add('name', CUSTOMER_NAME);
    add('name', ['name', '名称']);
  } else {
    add('customer', CUSTOMER_NAME);
  }
  if (type === 'contacts') {
    add('name', [
      '联系人',
      '联系人姓名',
      '联系人名称',
      '姓名',
      'contact',
      'contact name',
      'name',
      'full name',
      'person - name',
    ]);
  }
  for (const field of IMPORT_FIELDS[type]) {
    const aliases = COMMON[field];
    if (aliases) add(field, aliases);
  }
  return table;
}

const TABLES = new Map<ImportType, Map<string, string[]>>(IMPORT_TYPES.map((t) => [t, aliasTable(t)]));

/**
 * A header as compared: NFKC (full-width → ASCII), lower case, without spaces, `*`, a
 * trailing unit or note in brackets (`金额（元）`, `电话(必填)`) and a trailing colon.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*＊]/g, '')
    .replace(/[:：]\s*$/u, '')
    .replace(/\s*[([（【][^)\]）】]*[)\]）】]\s*$/u, '')
    .replace(/[:：]\s*$/u, '')
    .replace(/[\s_]+/g, ' ')
    .trim()
    .replace(/ ?- ?/g, ' - ')
    .replace(/ /g, '');
}

/** One column of the file and the field it fills (null: ignored). */
export interface ColumnMapping {
  readonly index: number;
  readonly header: string;
  readonly field: string | null;
}

/** The outcome of matching a header row. */
export interface HeaderMatch {
  readonly columns: readonly ColumnMapping[];
  /** Required fields no column maps to. */
  readonly missing: readonly string[];
  /** How many columns were recognised (to pick the header row among title rows). */
  readonly recognised: number;
}

/**
 * Parses an explicit mapping `客户名称=name,电话=phone` (or `#3=phone`, 1-based column
 * numbers) into header → field. A field `-` or `ignore` drops the column. Throws a
 * message naming the first unknown field.
 */
export function parseMappingSpec(
  spec: string | Readonly<Record<string, string>>,
  type: ImportType,
): { ok: true; mapping: Map<string, string | null> } | { ok: false; problem: string } {
  const entries =
    typeof spec === 'string'
      ? spec
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => {
            const at = part.lastIndexOf('=');
            return [at < 0 ? part : part.slice(0, at), at < 0 ? '' : part.slice(at + 1)] as const;
          })
      : Object.entries(spec);
  const fields = new Set<string>(IMPORT_FIELDS[type]);
  const mapping = new Map<string, string | null>();
  for (const [column, rawField] of entries) {
    const field = rawField.trim();
    if (field === '-' || field === 'ignore') {
      mapping.set(normaliseHeader(column), null);
      continue;
    }
    if (!fields.has(field)) return { ok: false, problem: `${column.trim()}=${field}` };
    mapping.set(normaliseHeader(column), field);
  }
  return { ok: true, mapping };
}

/**
 * Maps a header row to fields: the explicit mapping first (by header or `#n`), then the
 * alias table of `type` (a header's first meaning still free). A field is filled by its
 * first column; later columns with the same meaning are ignored (field null in the job's
 * mapping) rather than silently overwriting it.
 */
export function matchHeaders(
  headers: readonly string[],
  type: ImportType,
  explicit: ReadonlyMap<string, string | null> = new Map(),
): HeaderMatch {
  const table = TABLES.get(type) ?? new Map<string, string[]>();
  const taken = new Set<string>();
  let recognised = 0;
  const columns = headers.map((header, index): ColumnMapping => {
    const key = normaliseHeader(header);
    const byNumber = explicit.get(`#${index + 1}`);
    let field: string | null | undefined = byNumber !== undefined ? byNumber : explicit.get(key);
    if (field === undefined && key !== '' && !IGNORED.has(key)) {
      // The first meaning of the header still free.
      field = (table.get(key) ?? []).find((meaning) => !taken.has(meaning)) ?? null;
    }
    if (field === undefined || (field !== null && taken.has(field))) field = null;
    if (field !== null) {
      taken.add(field);
      recognised += 1;
    }
    return { index, header, field };
  });
  const missing = REQUIRED_FIELDS[type].filter((field) => {
    if (taken.has(field)) return false;
    // A contact's name may come as first + last name (HubSpot, Salesforce).
    return !(type === 'contacts' && field === 'name' && (taken.has('firstName') || taken.has('lastName')));
  });
  return { columns, missing, recognised };
}
