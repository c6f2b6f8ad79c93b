/** The workspace's method settings as the API sees them, and the zod schema of a change. */
import { z } from 'zod';
import { THIRD_MEETING_POLICIES, toThirdMeetingPolicy } from '../../domain/method/meetings.js';

/** Body of "change the workspace settings": the settings to change plus the version last read. */
export const updateWorkspaceSettingsInput = z.strictObject({
  thirdMeetingPolicy: z.enum(THIRD_MEETING_POLICIES).optional(),
  version: z.number().int().min(1),
});

/** The method settings of a workspace (name, currency and time zone are shown, not changed here). */
export const workspaceSettingsView = z.object({
  name: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  /** What a third meeting with a customer gets: a warning, a required reason, or a refusal. */
  thirdMeetingPolicy: z.enum(THIRD_MEETING_POLICIES),
  version: z.number().int(),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsView>;

/** Row → API shape. */
export function toWorkspaceSettings(row: {
  name: string;
  currency: string;
  time_zone: string;
  third_meeting_policy: string;
  version: number;
}): WorkspaceSettings {
  return {
    name: row.name,
    currency: row.currency,
    timeZone: row.time_zone,
    thirdMeetingPolicy: toThirdMeetingPolicy(row.third_meeting_policy),
    version: row.version,
  };
}
