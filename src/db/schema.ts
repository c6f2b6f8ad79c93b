/**
 * Row types of the schema created by the migrations, for Kysely's type checking.
 * Column conventions: ids are UUIDv7 text; dates are ISO `YYYY-MM-DD` text in the
 * workspace's time zone; instants are ISO-8601 UTC text; money is bigint minor units
 * (read as a JS number); booleans are 0/1; JSON columns are text.
 */
import type { Generated } from 'kysely';

/** Roles of a member in a workspace. */
export type Role = 'manager' | 'lead' | 'assistant';
/** An assistant's duty. */
export type Duty = 'prospecting' | 'after_sales';

interface Mutable {
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface WorkspacesTable extends Mutable {
  id: string;
  name: string;
  currency: Generated<string>;
  time_zone: Generated<string>;
  locale: Generated<string>;
  /** JSON: { daysOff, workdays, leave }. */
  calendar_overrides: Generated<string>;
  third_meeting_policy: Generated<string>;
}

export interface UsersTable extends Mutable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string | null;
}

export interface MembershipsTable extends Mutable {
  id: string;
  workspace_id: string;
  user_id: string;
  role: Role;
  duty: Duty | null;
  /** For an assistant: the membership of the lead they work for. */
  works_for: string | null;
  weight: Generated<number>;
}

export interface MarketsTable extends Mutable {
  id: string;
  workspace_id: string;
  name: string;
  /** JSON array of city names. */
  cities: Generated<string>;
  share_bp: number;
}

export interface CustomersTable extends Mutable {
  id: string;
  workspace_id: string;
  name: string;
  company: string | null;
  market_id: string | null;
  city: string | null;
  class: 'A' | 'B' | 'C' | 'new';
  status: 'lead' | 'contacted' | 'qualified' | 'proposal' | 'won' | 'lost';
  owner_id: string | null;
  assistant_id: string | null;
  source: string | null;
  /** JSON array of strings. */
  tags: Generated<string>;
  notes: string | null;
  /** Qualification: the contact who is the key person (KP). */
  kp_contact_id: string | null;
  willing_to_sign: Generated<YesNoUnknown>;
  willing_evidence: string | null;
  able_to_pay: Generated<YesNoUnknown>;
  able_evidence: string | null;
  expected_funds_on: string | null;
}

/** A qualification answer. */
export type YesNoUnknown = 'yes' | 'no' | 'unknown';
/** A customer's status (its stage in the funnel). */
export type CustomerStatus = CustomersTable['status'];

export interface CustomerStageChangesTable {
  id: string;
  workspace_id: string;
  customer_id: string;
  from_status: CustomerStatus | null;
  to_status: CustomerStatus;
  /** Business date of the change, in the workspace's time zone. */
  changed_on: string;
  changed_at: string;
  actor_id: string | null;
  /** Set when a customer moved to "proposal" without being qualified. */
  override_reason: string | null;
}

export interface ContactsTable extends Mutable {
  id: string;
  workspace_id: string;
  customer_id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  role: 'key_person' | 'influencer' | 'user' | 'gatekeeper' | null;
  kp_confirmed: Generated<number>;
}

export interface ProductsTable extends Mutable {
  id: string;
  workspace_id: string;
  name: string;
  price_minor: number;
  currency: string;
  /** JSON array of { name, pains: string[] }. */
  features: Generated<string>;
}

export interface DealsTable extends Mutable {
  id: string;
  workspace_id: string;
  customer_id: string;
  owner_id: string | null;
  amount_minor: number;
  currency: string;
  signed_on: string | null;
  expected_funds_on: string | null;
  funds_received_minor: Generated<number>;
  notes: string | null;
}

export interface DealProductsTable {
  workspace_id: string;
  deal_id: string;
  product_id: string;
  quantity: Generated<number>;
}

export interface VisitsTable extends Mutable {
  id: string;
  workspace_id: string;
  customer_id: string;
  owner_id: string | null;
  visit_on: string;
  /** JSON array of contact ids or names. */
  attendees: Generated<string>;
  purpose: string | null;
  outcome: string | null;
  notes: string | null;
  next_step: string | null;
  /** 1, 2, 3 …: the meeting's number with this customer over visits not cancelled, by date. */
  meeting_number: Generated<number>;
  status: Generated<'planned' | 'done' | 'cancelled'>;
  third_meeting_reason: string | null;
  /** Version of the discovery chain the answers belong to (0 = built-in default). */
  discovery_version: number | null;
  /** JSON array of { questionId, answer }. */
  discovery_answers: Generated<string>;
  /** JSON array of { category, need }. */
  pains: Generated<string>;
}

export interface FollowUpsTable extends Mutable {
  id: string;
  workspace_id: string;
  customer_id: string;
  assignee_id: string | null;
  due_on: string;
  kind: string;
  notes: string | null;
  done: Generated<number>;
  done_at: string | null;
  /** The close attempt (a stall) that created this follow-up. */
  close_attempt_id: string | null;
}

export interface DiscoveryChainsTable {
  id: string;
  workspace_id: string;
  version: number;
  /** JSON array of { id, zh, en, hint? }. */
  questions: string;
  created_by: string | null;
  created_at: string;
}

/** Objection catalog categories: the four objections and the three stalls. */
export type ObjectionKind = 'objection' | 'stall';

export interface ObjectionTypesTable extends Mutable {
  id: string;
  workspace_id: string;
  /** strategy | tactics | team | price | think_about_it | no_money | ask_chairman | a custom key. */
  key: string;
  kind: ObjectionKind;
  label_zh: string;
  label_en: string;
  /** JSON array of { id, zh, en }. */
  replies: Generated<string>;
  archived: Generated<number>;
}

export interface CloseAttemptsTable extends Mutable {
  id: string;
  workspace_id: string;
  customer_id: string;
  visit_id: string | null;
  owner_id: string | null;
  attempted_on: string;
  result: 'signed' | 'objection' | 'stall';
  objection_key: string | null;
  customer_words: string | null;
  reply_id: string | null;
  reply_text: string | null;
  response: 'resolved' | 'unresolved' | null;
  /** "I'll think about it": what concerns the customer. */
  concern: string | null;
  /** "No money yet": when the funds arrive. */
  funds_on: string | null;
  deal_id: string | null;
  notes: string | null;
}

export type Answer3 = 'yes' | 'no' | 'unsure';

export interface ChairmanConsultationsTable extends Mutable {
  id: string;
  workspace_id: string;
  customer_id: string;
  contact_id: string | null;
  visit_id: string | null;
  close_attempt_id: string | null;
  product_view: string | null;
  would_choose_first: Answer3;
  chairman_follows_advice: Answer3;
  biggest_obstacle: string | null;
  verdict: 'key_person' | 'champion' | 'neither';
}

export interface NextVisitPlansTable extends Mutable {
  id: string;
  workspace_id: string;
  customer_id: string;
  source: 'chairman' | 'stall' | 'visit' | 'manual';
  source_id: string | null;
  goal: string;
  /** JSON array of names or contact ids. */
  meet_whom: Generated<string>;
  bring: string | null;
  planned_on: string | null;
  status: Generated<'open' | 'done' | 'dropped'>;
  visit_id: string | null;
}

export interface SeminarsTable extends Mutable {
  id: string;
  workspace_id: string;
  title: string;
  held_on: string;
  city: string | null;
  venue: string | null;
  capacity: number;
  status: Generated<'planned' | 'held' | 'cancelled'>;
  notes: string | null;
}

export interface SeminarInvitationsTable extends Mutable {
  id: string;
  workspace_id: string;
  seminar_id: string;
  customer_id: string;
  invited_by: string | null;
  rsvp: Generated<'pending' | 'yes' | 'no'>;
  attended: Generated<number>;
}

export interface HandoffsTable {
  id: string;
  workspace_id: string;
  customer_id: string;
  kind: 'to_lead' | 'to_after_sales';
  from_id: string | null;
  to_id: string | null;
  note: string | null;
  actor_id: string | null;
  at: string;
}

export interface PlansTable {
  id: string;
  workspace_id: string;
  year: number;
  revision: number;
  /** JSON: the planning engine's input. */
  input: string;
  created_by: string | null;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  workspace_id: string;
  actor_id: string | null;
  entity: string;
  entity_id: string;
  action: 'create' | 'update' | 'delete';
  before: string | null;
  after: string | null;
  at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the session token. */
  id: string;
  user_id: string;
  workspace_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptsTable {
  id: string;
  /** "account:<email>" or "ip:<address>". */
  key: string;
  at: string;
  succeeded: number;
}

/** A record's import fingerprint: re-importing the same row finds the same record. */
export interface ImportKeysTable {
  workspace_id: string;
  entity: 'customer' | 'contact' | 'deal' | 'visit';
  key: string;
  record_id: string;
  created_at: string;
}

/** An import run (or dry run) and its outcome. */
export interface ImportJobsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  type: 'customers' | 'contacts' | 'deals' | 'visits';
  format: 'csv' | 'xlsx';
  file_name: string | null;
  dry_run: number;
  lang: 'zh' | 'en';
  status: 'queued' | 'running' | 'done' | 'failed';
  rows_read: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  skipped: Generated<number>;
  rejected: Generated<number>;
  /** JSON report (mapping and row outcomes). */
  report: string | null;
  /** JSON of the rejected rows, for the error file. */
  errors: string | null;
  /** JSON { code, details } when the whole job failed. */
  failure: string | null;
  created_at: string;
  updated_at: string;
}

export interface CalendarFeedsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  /** SHA-256 (hex) of the feed's secret token. */
  token_hash: string;
  /** 0/1: the feed offers China's holidays as a second calendar. */
  include_holidays: Generated<number>;
  created_at: string;
  revoked_at: string | null;
}

/** The whole schema. */
export interface Schema {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  markets: MarketsTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  products: ProductsTable;
  deals: DealsTable;
  deal_products: DealProductsTable;
  visits: VisitsTable;
  follow_ups: FollowUpsTable;
  customer_stage_changes: CustomerStageChangesTable;
  discovery_chains: DiscoveryChainsTable;
  objection_types: ObjectionTypesTable;
  close_attempts: CloseAttemptsTable;
  chairman_consultations: ChairmanConsultationsTable;
  next_visit_plans: NextVisitPlansTable;
  seminars: SeminarsTable;
  seminar_invitations: SeminarInvitationsTable;
  handoffs: HandoffsTable;
  plans: PlansTable;
  audit_log: AuditLogTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  import_keys: ImportKeysTable;
  import_jobs: ImportJobsTable;
  calendar_feeds: CalendarFeedsTable;
}
