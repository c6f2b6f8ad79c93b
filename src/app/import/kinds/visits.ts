/**
 * Importing visits: a row is a visit of a customer, found again by customer, date and
 * owner. The visited customers' meetings are renumbered after each batch.
 */
import { createVisitInput } from '../../../contract/visits.js';
import { parseDateCell, parseList, visitKey } from '../../../domain/import/values.js';
import { lockMeetings, renumberMeetings } from '../../visits/meeting-numbers.js';
import { type NewVisitValues, newVisitValues, visits } from '../../visits/visit-store.js';
import { given, nonEmpty, parseRow, RowReader, reason, rejected, resolveMember } from '../import-kind.js';
import { childKind, customerChildDraft, type DraftChild } from './child-rows.js';

/** Reads one row of a known customer: the owner defaults to the caller. */
const draftVisit: DraftChild<NewVisitValues> = (row, customerId, { principal, lookups }) => {
  const r = new RowReader();
  const visitOn = r.take(parseDateCell(row.get('visitOn')));
  const owner = r.take(resolveMember(row.get('owner'), lookups));
  if (r.failure) return rejected(r.failure);
  if (visitOn === null) return rejected(reason('缺少拜访日期', 'The visit date is missing'));
  const attendees = parseList(row.get('attendees'));
  const input = {
    customerId,
    visitOn,
    ownerId: owner ?? principal.membershipId,
    attendees,
    purpose: nonEmpty(row.get('purpose')),
    outcome: nonEmpty(row.get('outcome')),
    notes: nonEmpty(row.get('notes')),
    nextStep: nonEmpty(row.get('nextStep')),
  };
  const parsed = parseRow(createVisitInput, input, 'visits');
  if (!parsed.ok) return parsed;
  const columns = newVisitValues(principal, parsed.value);
  return customerChildDraft(row, {
    key: visitKey(customerId, columns.visit_on, columns.owner_id),
    insert: columns,
    given: given<NewVisitValues>({
      attendees: attendees.length > 0 ? columns.attendees : undefined,
      purpose: columns.purpose,
      outcome: columns.outcome,
      notes: columns.notes,
      next_step: columns.next_step,
    }),
  });
};

/** Visits: meetings and calls with a customer, numbered by date. */
export const visitKind = childKind({
  store: visits,
  draftOne: draftVisit,
  keyOf: (v) => visitKey(v.customer_id, v.visit_on, v.owner_id),
  /** The meeting numbers of every visited customer, in date order (each customer locked first). */
  async afterWrite(db, _deps, principal, { created, updated }) {
    const customers = new Set([
      ...created.map((c) => c.record.customer_id),
      ...updated.map((u) => u.after.customer_id),
    ]);
    for (const customerId of [...customers].sort()) {
      await lockMeetings(db, principal.workspaceId, customerId);
      await renumberMeetings(db, principal.workspaceId, customerId);
    }
  },
});
