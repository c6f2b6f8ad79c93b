/**
 * The seminar (会销) and its invitations as stored: row ↔ view, input → columns, and who
 * may write seminars. Seminars are workspace-wide; an invitation is visible exactly when
 * its customer is.
 */

import type { z } from 'zod';
import type { Invitation, Seminar, seminarFields, updateInvitationInput } from '../../contract/seminars.js';
import { AppError } from '../../domain/errors.js';
import type { Principal } from '../context.js';
import { defineRecordStore, plainView, type RecordRow } from '../record-store.js';

/** Seminars are organised by managers and leads; assistants only invite. AUTH.FORBIDDEN otherwise. */
export function requireOrganiser(principal: Principal): void {
  if (principal.role !== 'manager' && principal.role !== 'lead') throw new AppError('AUTH.FORBIDDEN', {});
}

export type SeminarRow = RecordRow<'seminars'>;

/** How a seminar's input fields are stored (each as its own column). */
const seminarColumns = {
  title: 'title',
  heldOn: 'held_on',
  city: 'city',
  venue: 'venue',
  capacity: 'capacity',
  status: 'status',
  notes: 'notes',
} as const;

/** Seminars: workspace-wide records. */
export const seminars = defineRecordStore<'seminars', Seminar, z.infer<typeof seminarFields>>({
  table: 'seminars',
  entity: 'seminar',
  scope: 'workspace',
  toView: (row) => plainView(row, seminarColumns),
  columns: seminarColumns,
});

export type InvitationRow = RecordRow<'seminar_invitations'>;

/** How an invitation's answer and attendance are stored; attendance as 0/1. */
const invitationColumns = {
  rsvp: 'rsvp',
  attended: { column: 'attended', write: (attended: boolean) => (attended ? 1 : 0) },
} as const;

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
    ...plainView(row, invitationColumns),
    seminarId: row.seminar_id,
    customerId: row.customer_id,
    invitedBy: row.invited_by,
    attended: row.attended === 1,
  }),
  columns: invitationColumns,
});
