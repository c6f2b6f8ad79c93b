/** Importing deals: a row is a signed order of a customer, found again by customer, date and amount. */
import type { Selectable } from 'kysely';
import { createDealInput } from '../../../contract/deals.js';
import type { DealsTable } from '../../../db/schema.js';
import {
  cellText,
  dealKey,
  type Parsed,
  parseAmountCell,
  parseDateCell,
} from '../../../domain/import/values.js';
import { toDeal } from '../../deals/deal-schema.js';
import {
  type Draft,
  type DraftContext,
  given,
  type ImportKind,
  inChunks,
  type MappedRow,
  nonEmpty,
  RowReader,
  reason,
  rejected,
  resolveMember,
  schemaReason,
} from '../import-kind.js';
import { childrenByKey, draftChildren } from './child-rows.js';

/** The stored columns an imported deal row sets. */
interface DealColumns {
  customer_id: string;
  owner_id: string | null;
  amount_minor: number;
  currency: string;
  signed_on: string | null;
  expected_funds_on: string | null;
  funds_received_minor: number;
  notes: string | null;
}

type DealRecord = Selectable<DealsTable>;

/** Spreadsheets' names of the yuan → its code. */
const currencyCode = (text: string | null) =>
  text
    ?.toUpperCase()
    .replace(/^RMB$/, 'CNY')
    .replace(/^人民币$/, 'CNY');

/** Reads one row of a known customer: the owner defaults to the caller, the currency to the workspace's. */
function draftDeal(
  row: MappedRow,
  customerId: string,
  { principal, lookups }: DraftContext,
): Parsed<Draft<DealColumns>> {
  const r = new RowReader();
  const amount = r.take(parseAmountCell(row.get('amount')));
  const funds = r.take(parseAmountCell(row.get('fundsReceived')));
  const signedOn = r.take(parseDateCell(row.get('signedOn')));
  const expected = r.take(parseDateCell(row.get('expectedFundsOn')));
  const owner = r.take(resolveMember(row.get('owner'), lookups));
  if (r.failure) return rejected(r.failure);
  if (amount === null) return rejected(reason('缺少金额', 'The amount is missing'));
  const parsed = createDealInput.safeParse(
    {
      customerId,
      ownerId: owner ?? principal.membershipId,
      amountMinor: amount,
      currency: currencyCode(nonEmpty(row.get('currency'))) ?? lookups.currency,
      signedOn,
      expectedFundsOn: expected,
      fundsReceivedMinor: funds ?? 0,
      notes: nonEmpty(row.get('notes')),
    },
    { reportInput: true },
  );
  if (!parsed.success) return rejected(schemaReason(parsed.error.issues, 'deals'));
  const b = parsed.data;
  const columns: DealColumns = {
    customer_id: customerId,
    owner_id: b.ownerId ?? null,
    amount_minor: b.amountMinor,
    currency: b.currency ?? lookups.currency,
    signed_on: b.signedOn ?? null,
    expected_funds_on: b.expectedFundsOn ?? null,
    funds_received_minor: b.fundsReceivedMinor ?? 0,
    notes: b.notes ?? null,
  };
  return {
    ok: true,
    value: {
      label: cellText(row.get('customer')),
      key: dealKey(customerId, columns.signed_on, columns.amount_minor),
      insert: columns,
      given: given<DealColumns>({
        owner_id: owner,
        expected_funds_on: expected,
        funds_received_minor: funds,
        notes: columns.notes,
      }),
    },
  };
}

/** Deals: a customer's signed orders. */
export const dealKind: ImportKind<DealColumns, DealRecord> = {
  entity: 'deal',
  label: (row) => cellText(row.get('customer')),
  draft: (db, context, rows) => draftChildren(db, context, rows, draftDeal),
  findExisting: (db, principal, drafts) =>
    childrenByKey(
      drafts,
      (customerIds) =>
        db
          .selectFrom('deals')
          .selectAll()
          .where('workspace_id', '=', principal.workspaceId)
          .where('customer_id', 'in', customerIds)
          .orderBy('created_at')
          .execute(),
      // PostgreSQL returns bigints as text.
      (d) => dealKey(d.customer_id, d.signed_on, Number(d.amount_minor)),
    ),
  insert: (db, records) =>
    inChunks(records, (chunk) => db.insertInto('deals').values(chunk).returningAll().execute()),
  update: (db, principal, stored, changes, now) =>
    db
      .updateTable('deals')
      .set({ ...changes, updated_at: now, version: stored.version + 1 })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', stored.id)
      .where('version', '=', stored.version)
      .returningAll()
      .executeTakeFirst(),
  view: (stored) => toDeal(stored, []),
};
