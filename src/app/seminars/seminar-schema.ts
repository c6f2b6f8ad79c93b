/** The seminar (会销) and its invitations as the API sees them, and the zod schemas of their inputs. */
import type { Selectable } from 'kysely';
import type { Invitation, Seminar } from '../../contract/seminars.js';
import type { SeminarInvitationsTable, SeminarsTable } from '../../db/schema.js';

export type SeminarRow = Selectable<SeminarsTable>;

/** Row → API shape. */
export function toSeminar(row: SeminarRow): Seminar {
  return {
    id: row.id,
    title: row.title,
    heldOn: row.held_on,
    city: row.city,
    venue: row.venue,
    capacity: row.capacity,
    status: row.status,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export type InvitationRow = Selectable<SeminarInvitationsTable>;

/** Row → API shape. */
export function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    seminarId: row.seminar_id,
    customerId: row.customer_id,
    invitedBy: row.invited_by,
    rsvp: row.rsvp,
    attended: row.attended === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
