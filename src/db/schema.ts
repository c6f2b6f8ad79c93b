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
  plans: PlansTable;
  audit_log: AuditLogTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
}
