import { z } from 'zod';
import { THIRD_MEETING_POLICIES } from '../domain/method/meetings.js';

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
