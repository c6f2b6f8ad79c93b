/**
 * The words for every code a person can see: one catalog of the enum values the web app,
 * the CLI and the exports show, each in zh-CN and en. Codes (`after_sales`, `won`, `new`)
 * stay in the API and `--json`; anything rendered for a person goes through
 * {@link labelOf}. `test/labels.test.ts` walks the schemas' enum options and fails when a
 * value has no label here, so a new enum value cannot reach a user as a code.
 */
import type { Lang } from './errors.js';
import { PAIN_CATEGORIES } from './method/discovery.js';

/** A word or short phrase in both languages. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** Customer class (A/B/C repeat customers, new prospects). */
export const CUSTOMER_CLASS_LABELS = {
  A: { zh: 'A 类', en: 'A' },
  B: { zh: 'B 类', en: 'B' },
  C: { zh: 'C 类', en: 'C' },
  new: { zh: '新客户', en: 'New' },
} as const satisfies Record<string, Label>;

/** Customer status, the stages of the pipeline. */
export const CUSTOMER_STATUS_LABELS = {
  lead: { zh: '线索', en: 'Lead' },
  contacted: { zh: '已接触', en: 'Contacted' },
  qualified: { zh: '已确认', en: 'Qualified' },
  proposal: { zh: '方案', en: 'Proposal' },
  won: { zh: '成交', en: 'Won' },
  lost: { zh: '丢单', en: 'Lost' },
} as const satisfies Record<string, Label>;

/**
 * Follow-up kinds the system writes: stalls (funds, concern, next_visit) and the demo's
 * and import's usual ones. A follow-up's kind is free text, so any other kind is the
 * salesperson's own words and is shown as written.
 */
export const FOLLOW_UP_KIND_LABELS = {
  funds: { zh: '资金到账回访', en: 'Funds arrival' },
  concern: { zh: '顾虑跟进', en: 'Follow up the concern' },
  next_visit: { zh: '下次拜访', en: 'Next visit' },
  visit: { zh: '拜访', en: 'Visit' },
  close_attempt: { zh: '促成签约', en: 'Ask for the signature' },
  after_sales: { zh: '售后回访', en: 'After-sales call' },
  call: { zh: '电话', en: 'Call' },
} as const satisfies Record<string, Label>;

/** Contact roles in the buying decision. */
export const CONTACT_ROLE_LABELS = {
  key_person: { zh: '关键人', en: 'Key person' },
  influencer: { zh: '影响者', en: 'Influencer' },
  user: { zh: '使用者', en: 'User' },
  gatekeeper: { zh: '把关者', en: 'Gatekeeper' },
} as const satisfies Record<string, Label>;

/** Member roles. */
export const MEMBER_ROLE_LABELS = {
  manager: { zh: '管理者', en: 'Manager' },
  lead: { zh: '业务员', en: 'Salesperson' },
  assistant: { zh: '助理', en: 'Assistant' },
} as const satisfies Record<string, Label>;

/** An assistant's duty. */
export const DUTY_LABELS = {
  prospecting: { zh: '开发', en: 'Prospecting' },
  after_sales: { zh: '售后', en: 'After-sales' },
} as const satisfies Record<string, Label>;

/** Yes / no / not known yet (qualification answers). */
export const YES_NO_UNKNOWN_LABELS = {
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  unknown: { zh: '未知', en: 'Unknown' },
} as const satisfies Record<string, Label>;

/** What a customer still lacks to be qualified. */
export const QUALIFICATION_GAP_LABELS = {
  key_person: { zh: '缺关键人', en: 'no key person' },
  willing_to_sign: { zh: '意愿未确认', en: 'willingness unknown' },
  able_to_pay: { zh: '支付能力未确认', en: 'ability to pay unknown' },
} as const satisfies Record<string, Label>;

/** Visit status. */
export const VISIT_STATUS_LABELS = {
  planned: { zh: '计划中', en: 'Planned' },
  done: { zh: '已见面', en: 'Held' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
} as const satisfies Record<string, Label>;

/** Result of a close attempt. */
export const CLOSE_RESULT_LABELS = {
  signed: { zh: '签约', en: 'Signed' },
  objection: { zh: '拒签问题', en: 'Objection' },
  stall: { zh: '拖延', en: 'Stall' },
} as const satisfies Record<string, Label>;

/** Whether the salesperson's answer to an objection worked. */
export const CLOSE_RESPONSE_LABELS = {
  resolved: { zh: '已解决', en: 'Resolved' },
  unresolved: { zh: '未解决', en: 'Unresolved' },
} as const satisfies Record<string, Label>;

/** Objection types: a refusal with a reason, or a delay. */
export const OBJECTION_KIND_LABELS = {
  objection: { zh: '拒签问题', en: 'Objection' },
  stall: { zh: '拖延', en: 'Stall' },
} as const satisfies Record<string, Label>;

/** Next-visit plans. */
export const NEXT_VISIT_STATUS_LABELS = {
  open: { zh: '待拜访', en: 'Open' },
  done: { zh: '已完成', en: 'Done' },
  dropped: { zh: '已放弃', en: 'Dropped' },
} as const satisfies Record<string, Label>;

/** Where a next-visit plan came from. */
export const NEXT_VISIT_SOURCE_LABELS = {
  chairman: { zh: '董事长沟通', en: 'Chairman consultation' },
  stall: { zh: '拖延', en: 'Stall' },
  visit: { zh: '拜访', en: 'Visit' },
  manual: { zh: '手动添加', en: 'Added by hand' },
} as const satisfies Record<string, Label>;

/** Actual against plan. */
export const PACE_STATUS_LABELS = {
  ahead: { zh: '超前', en: 'Ahead' },
  behind: { zh: '落后', en: 'Behind' },
  on_track: { zh: '持平', en: 'On track' },
} as const satisfies Record<string, Label>;

/**
 * The names of the day's and the period's run-rate figures: one word for one quantity on
 * Today, the dashboard, `closer today|progress|plan` (the dashboard once said 每日需完成 where
 * Today said 剩余每天需签 for the same number).
 */
export const PACE_FIGURE_LABELS = {
  planToday: { zh: '计划今日', en: 'Plan for today' },
  neededToday: { zh: '今日还需', en: 'Still needed today' },
  perRemainingDay: { zh: '剩余每天需签', en: 'Needed per remaining day' },
  remainingDays: { zh: '剩余工作日', en: 'Working days left' },
} as const satisfies Record<string, Label>;

/** Why today needs nothing (or `needed`), said beside Today's 0 (`domain/method/today.ts`). */
export const NEEDED_REASON_LABELS = {
  needed: { zh: '还需签', en: 'still needed' },
  year_met: { zh: '今年计划已完成', en: "this year's plan is met" },
  month_met: { zh: '本月计划已完成', en: "this month's plan is met" },
  not_target_day: { zh: '今天不是目标日', en: 'not a target day' },
  day_over: { zh: '这一天已过去', en: 'the day is over' },
  no_share: { zh: '计划没有分给您目标', en: 'the plan gives you no share' },
} as const satisfies Record<string, Label>;

/** Where a suggested customer's expected amount comes from. */
export const AMOUNT_SOURCE_LABELS = {
  open_deal: { zh: '来自未结签单', en: 'from the open deal' },
  class_average: { zh: '按同类客户平均单值', en: "from the class's average order" },
  none: { zh: '无', en: 'none' },
} as const satisfies Record<string, Label>;

/** Seminar status. */
export const SEMINAR_STATUS_LABELS = {
  planned: { zh: '计划中', en: 'Planned' },
  held: { zh: '已举办', en: 'Held' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
} as const satisfies Record<string, Label>;

/** A seminar invitee's answer. */
export const RSVP_LABELS = {
  pending: { zh: '待回复', en: 'Pending' },
  yes: { zh: '参加', en: 'Coming' },
  no: { zh: '不参加', en: 'Not coming' },
} as const satisfies Record<string, Label>;

/** Chairman consultation: yes / no / not sure. */
export const ANSWER3_LABELS = {
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  unsure: { zh: '不确定', en: 'Not sure' },
} as const satisfies Record<string, Label>;

/** Chairman consultation verdict on the contact. */
export const VERDICT_LABELS = {
  key_person: { zh: '关键人', en: 'Key person' },
  champion: { zh: '支持者', en: 'Champion' },
  neither: { zh: '都不是', en: 'Neither' },
} as const satisfies Record<string, Label>;

/** Hand-offs between salesperson and assistants. */
export const HANDOFF_KIND_LABELS = {
  to_lead: { zh: '移交业务员', en: 'Hand over to the salesperson' },
  to_after_sales: { zh: '移交售后', en: 'Hand over to after-sales' },
} as const satisfies Record<string, Label>;

/** What an import does with a row. */
export const IMPORT_ACTION_LABELS = {
  create: { zh: '新建', en: 'Create' },
  update: { zh: '更新', en: 'Update' },
  skip: { zh: '跳过', en: 'Skip' },
  reject: { zh: '拒绝', en: 'Reject' },
} as const satisfies Record<string, Label>;

/** An import job's state. */
export const IMPORT_STATUS_LABELS = {
  queued: { zh: '排队中', en: 'Queued' },
  running: { zh: '进行中', en: 'Running' },
  done: { zh: '已完成', en: 'Done' },
  failed: { zh: '失败', en: 'Failed' },
} as const satisfies Record<string, Label>;

/** What happens at a third meeting without a signature. */
export const THIRD_MEETING_POLICY_LABELS = {
  warn: { zh: '提醒', en: 'Warn' },
  require_reason: { zh: '要求填写原因', en: 'Require a reason' },
  block: { zh: '禁止', en: 'Block' },
} as const satisfies Record<string, Label>;

/** The method's pain categories (their words live with the categories themselves). */
export const PAIN_CATEGORY_LABELS: Readonly<Record<(typeof PAIN_CATEGORIES)[number]['key'], Label>> =
  Object.fromEntries(PAIN_CATEGORIES.map((c) => [c.key, { zh: c.zh, en: c.en }])) as never;

/** Groups of the forecast's open pipeline: leads nobody has worked on, then the stages. */
export const FORECAST_GROUP_LABELS = {
  untouched: { zh: '未跟进的线索', en: 'Untouched leads' },
  lead: { zh: '线索', en: 'Lead' },
  contacted: { zh: '已接触', en: 'Contacted' },
  qualified: { zh: '已确认', en: 'Qualified' },
  proposal: { zh: '方案', en: 'Proposal' },
} as const satisfies Record<string, Label>;

/** Where a seminar's number of invitations came from. */
export const QUOTA_SOURCE_LABELS = {
  query: { zh: '手动指定', en: 'Given by you' },
  plan: { zh: '按年度计划', en: 'From the annual plan' },
  capacity: { zh: '按会场名额', en: "From the venue's places" },
} as const satisfies Record<string, Label>;

/** Every catalog by the name tests and callers use for it. */
export const LABELS = {
  customerClass: CUSTOMER_CLASS_LABELS,
  customerStatus: CUSTOMER_STATUS_LABELS,
  followUpKind: FOLLOW_UP_KIND_LABELS,
  contactRole: CONTACT_ROLE_LABELS,
  memberRole: MEMBER_ROLE_LABELS,
  duty: DUTY_LABELS,
  yesNoUnknown: YES_NO_UNKNOWN_LABELS,
  qualificationGap: QUALIFICATION_GAP_LABELS,
  visitStatus: VISIT_STATUS_LABELS,
  closeResult: CLOSE_RESULT_LABELS,
  closeResponse: CLOSE_RESPONSE_LABELS,
  objectionKind: OBJECTION_KIND_LABELS,
  nextVisitStatus: NEXT_VISIT_STATUS_LABELS,
  nextVisitSource: NEXT_VISIT_SOURCE_LABELS,
  paceStatus: PACE_STATUS_LABELS,
  amountSource: AMOUNT_SOURCE_LABELS,
  neededReason: NEEDED_REASON_LABELS,
  seminarStatus: SEMINAR_STATUS_LABELS,
  rsvp: RSVP_LABELS,
  answer3: ANSWER3_LABELS,
  verdict: VERDICT_LABELS,
  handoffKind: HANDOFF_KIND_LABELS,
  importAction: IMPORT_ACTION_LABELS,
  importStatus: IMPORT_STATUS_LABELS,
  thirdMeetingPolicy: THIRD_MEETING_POLICY_LABELS,
  painCategory: PAIN_CATEGORY_LABELS,
  forecastGroup: FORECAST_GROUP_LABELS,
  quotaSource: QUOTA_SOURCE_LABELS,
} as const;

/** The name of one catalog. */
export type LabelSet = keyof typeof LABELS;

/**
 * The word for `value` of the enum `set` in `lang`. A value the catalog does not know (a
 * follow-up kind a salesperson typed) is their own word and is returned as it is; null and
 * undefined stay empty.
 */
export function labelOf(set: LabelSet, value: string | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '';
  const entry = (LABELS[set] as Record<string, Label | undefined>)[value];
  return entry ? entry[lang] : value;
}

/** Signed amounts of no market or member of the plan (`UNASSIGNED` in method/progress.ts). */
const UNASSIGNED_LABEL: Label = { zh: '未归属', en: 'Unassigned' };

/**
 * A progress segment as a person reads it: a class code as its word (`new` → 新客户), the
 * unassigned bucket in words; market and member segments are already names.
 */
export function segmentLabel(dimension: string, segment: string, lang: Lang): string {
  if (segment === 'unassigned') return UNASSIGNED_LABEL[lang];
  return dimension === 'classes' ? labelOf('customerClass', segment, lang) : segment;
}

/** One catalog as `{ value: word }` in `lang`, for the web app's translation resources. */
export function labelsIn<T extends Record<string, Label>>(set: T, lang: Lang): { [K in keyof T]: string } {
  return Object.fromEntries(Object.entries(set).map(([k, v]) => [k, v[lang]])) as { [K in keyof T]: string };
}
