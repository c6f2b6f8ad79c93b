/**
 * Importing visits: a row is a visit of a customer, found again by customer, date and
 * owner. The visited customers' meetings are renumbered after each batch.
 */
import type { Selectable } from 'kysely';
import { createVisitInput } from '../../../contract/visits.js';
import type { VisitsTable } from '../../../db/schema.js';
import { cellText, type Parsed, parseDateCell, parseList, visitKey } from '../../../domain/import/values.js';
import { lockMeetings, renumberMeetings } from '../../visits/meeting-numbers.js';
import { toVisit } from '../../visits/visit-schema.js';
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

/** The stored columns an imported visit row sets. */
interface VisitColumns {
  customer_id: string;
  owner_id: string | null;
  visit_on: string;
  attendees: string;
  purpose: string | null;
  outcome: string | null;
  notes: string | null;
  next_step: string | null;
}

type VisitRecord = Selectable<VisitsTable>;

/** Reads one row of a known customer: the owner defaults to the caller. */
function draftVisit(
  row: MappedRow,
  customerId: string,
  { principal, lookups }: DraftContext,
): Parsed<Draft<VisitColumns>> {
  const r = new RowReader();
  const visitOn = r.take(parseDateCell(row.get('visitOn')));
  const owner = r.take(resolveMember(row.get('owner'), lookups));
  if (r.failure) return rejected(r.failure);
  if (visitOn === null) return rejected(reason('缺少拜访日期', 'The visit date is missing'));
  const attendees = parseList(row.get('attendees'));
  const parsed = createVisitInput.safeParse(
    {
      customerId,
      visitOn,
      ownerId: owner ?? principal.membershipId,
      attendees,
      purpose: nonEmpty(row.get('purpose')),
      outcome: nonEmpty(row.get('outcome')),
      notes: nonEmpty(row.get('notes')),
      nextStep: nonEmpty(row.get('nextStep')),
    },
    { reportInput: true },
  );
  if (!parsed.success) return rejected(schemaReason(parsed.error.issues, 'visits'));
  const b = parsed.data;
  const columns: VisitColumns = {
    customer_id: customerId,
    owner_id: b.ownerId ?? null,
    visit_on: b.visitOn,
    attendees: JSON.stringify(b.attendees ?? []),
    purpose: b.purpose ?? null,
    outcome: b.outcome ?? null,
    notes: b.notes ?? null,
    next_step: b.nextStep ?? null,
  };
  return {
    ok: true,
    value: {
      label: cellText(row.get('customer')),
      key: visitKey(customerId, b.visitOn, columns.owner_id),
      insert: columns,
      given: given<VisitColumns>({
        attendees: attendees.length > 0 ? columns.attendees : undefined,
        purpose: columns.purpose,
        outcome: columns.outcome,
        notes: columns.notes,
        next_step: columns.next_step,
      }),
    },
  };
}

/** Visits: meetings and calls with a customer, numbered by date. */
export const visitKind: ImportKind<VisitColumns, VisitRecord> = {
  entity: 'visit',
  label: (row) => cellText(row.get('customer')),
  draft: (db, context, rows) => draftChildren(db, context, rows, draftVisit),
  findExisting: (db, principal, drafts) =>
    childrenByKey(
      drafts,
      (customerIds) =>
        db
          .selectFrom('visits')
          .selectAll()
          .where('workspace_id', '=', principal.workspaceId)
          .where('customer_id', 'in', customerIds)
          .orderBy('created_at')
          .execute(),
      (v) => visitKey(v.customer_id, v.visit_on, v.owner_id),
    ),
  insert: (db, records) =>
    inChunks(records, (chunk) => db.insertInto('visits').values(chunk).returningAll().execute()),
  update: (db, principal, stored, changes, now) =>
    db
      .updateTable('visits')
      .set({ ...changes, updated_at: now, version: stored.version + 1 })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', stored.id)
      .where('version', '=', stored.version)
      .returningAll()
      .executeTakeFirst(),
  view: toVisit,
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
};
