/** The seminar (会销) and its invitations as the API sees them, and the zod schemas of their inputs. */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { SeminarInvitationsTable, SeminarsTable } from '../../db/schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Fields a manager or lead may set on a seminar; anything else is rejected. */
export const seminarFields = z.strictObject({
  title: text(200),
  heldOn: z.iso.date(),
  city: text(100).nullable().optional(),
  venue: text(300).nullable().optional(),
  capacity: z.int().min(1).max(2000),
  status: z.enum(['planned', 'held', 'cancelled']).optional(),
  notes: z.string().max(10_000).nullable().optional(),
});

/** Body of "create a seminar". */
export const createSeminarInput = seminarFields;
/** Body of "update a seminar": any subset of the fields plus the version last read. */
export const updateSeminarInput = seminarFields.partial().extend({ version: z.int().min(1) });

/** A seminar as returned by the API. */
export const seminarView = z.object({
  id: z.string(),
  title: z.string(),
  heldOn: z.string(),
  city: z.string().nullable(),
  venue: z.string().nullable(),
  capacity: z.int(),
  status: z.enum(['planned', 'held', 'cancelled']),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Seminar = z.infer<typeof seminarView>;
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

/** Body of "invite customers". */
export const inviteCustomersInput = z.strictObject({
  customerIds: z.array(z.uuid()).min(1).max(500),
});

/** Body of "update an invitation". */
export const updateInvitationInput = z.strictObject({
  rsvp: z.enum(['pending', 'yes', 'no']).optional(),
  attended: z.boolean().optional(),
  version: z.int().min(1),
});

/** An invitation as returned by the API. */
export const invitationView = z.object({
  id: z.string(),
  seminarId: z.string(),
  customerId: z.string(),
  invitedBy: z.string().nullable(),
  rsvp: z.enum(['pending', 'yes', 'no']),
  attended: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Invitation = z.infer<typeof invitationView>;
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
