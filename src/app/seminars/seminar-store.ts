/**
 * The seminar (会销) and its invitations as stored: row ↔ view, input → columns, and who
 * may write seminars. Seminars are workspace-wide; an invitation is visible exactly when
 * its customer is.
 */

import type { z } from 'zod';
import type { Invitation, Seminar, seminarFields, updateInvitationInput } from '../../contract/seminars.js';
import { AppError } from '../../domain/errors.js';
import type { Principal } from '../context.js';
import { defineRecordStore, type RecordRow, recordStamps } from '../record-store.js';

/** Seminars are organised by managers and leads; assistants only invite. AUTH.FORBIDDEN otherwise. */
export function requireOrganiser(principal: Principal): void {
  if (principal.role !== 'manager' && principal.role !== 'lead') throw new AppError('AUTH.FORBIDDEN', {});
}

export type SeminarRow = RecordRow<'seminars'>;

/** Seminars: workspace-wide records. */
export const seminars = defineRecordStore<'seminars', Seminar, z.infer<typeof seminarFields>>({
  table: 'seminars',
  entity: 'seminar',
  scope: 'workspace',
  toView: (row) => ({
    id: row.id,
    title: row.title,
    heldOn: row.held_on,
    city: row.city,
    venue: row.venue,
    capacity: row.capacity,
    status: row.status,
    notes: row.notes,
    ...recordStamps(row),
  }),
  columns: {
    title: 'title',
    heldOn: 'held_on',
    city: 'city',
    venue: 'venue',
    capacity: 'capacity',
    status: 'status',
    notes: 'notes',
  },
});

export type InvitationRow = RecordRow<'seminar_invitations'>;

/** Invitations of customers to seminars; visible when their customer is. */
export const invitations = defineRecordStore<
  'seminar_invitations',
  Invitation,
  Omit<z.infer<typeof updateInvitationInput>, 'version'>
>({
  table: 'seminar_invitations',
  entity: 'seminar-invitation',
  scope: 'customer-child',
  toView: (row) => ({
    id: row.id,
    seminarId: row.seminar_id,
    customerId: row.customer_id,
    invitedBy: row.invited_by,
    rsvp: row.rsvp,
    attended: row.attended === 1,
    ...recordStamps(row),
  }),
  columns: {
    rsvp: 'rsvp',
    attended: { column: 'attended', write: (attended: boolean) => (attended ? 1 : 0) },
  },
});
