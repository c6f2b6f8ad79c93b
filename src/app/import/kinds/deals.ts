/** Importing deals: a row is a signed order of a customer, found again by customer, date and amount. */
import { createDealInput } from '../../../contract/deals.js';
import { dealKey, parseAmountCell, parseDateCell } from '../../../domain/import/values.js';
import { deals, type NewDealValues, newDealValues } from '../../deals/deal-store.js';
import { given, nonEmpty, parseRow, RowReader, reason, rejected, resolveMember } from '../import-kind.js';
import { childKind, customerChildDraft, type DraftChild } from './child-rows.js';

/** Spreadsheets' names of the yuan → its code. */
const currencyCode = (text: string | null) =>
  text
    ?.toUpperCase()
    .replace(/^RMB$/, 'CNY')
    .replace(/^人民币$/, 'CNY');

/** Reads one row of a known customer: the owner defaults to the caller, the currency to the workspace's. */
const draftDeal: DraftChild<NewDealValues> = (row, customerId, { principal, lookups }) => {
  const r = new RowReader();
  const amount = r.take(parseAmountCell(row.get('amount')));
  const funds = r.take(parseAmountCell(row.get('fundsReceived')));
  const signedOn = r.take(parseDateCell(row.get('signedOn')));
  const expected = r.take(parseDateCell(row.get('expectedFundsOn')));
  const owner = r.take(resolveMember(row.get('owner'), lookups));
  if (r.failure) return rejected(r.failure);
  if (amount === null) return rejected(reason('缺少金额', 'The amount is missing'));
  const input = {
    customerId,
    ownerId: owner ?? principal.membershipId,
    amountMinor: amount,
    currency: currencyCode(nonEmpty(row.get('currency'))) ?? lookups.currency,
    signedOn,
    expectedFundsOn: expected,
    fundsReceivedMinor: funds ?? 0,
    notes: nonEmpty(row.get('notes')),
  };
  const parsed = parseRow(createDealInput, input, 'deals');
  if (!parsed.ok) return parsed;
  const columns = newDealValues(principal, parsed.value, lookups.currency);
  return customerChildDraft(row, {
    key: dealKey(customerId, columns.signed_on, columns.amount_minor),
    insert: columns,
    given: given<NewDealValues>({
      owner_id: owner,
      expected_funds_on: expected,
      funds_received_minor: funds,
      notes: columns.notes,
    }),
  });
};

/** Deals: a customer's signed orders (written through the deals store; no product set). */
export const dealKind = childKind({
  store: deals,
  draftOne: draftDeal,
  // PostgreSQL returns bigints as text.
  keyOf: (d) => dealKey(d.customer_id, d.signed_on, Number(d.amount_minor)),
});
