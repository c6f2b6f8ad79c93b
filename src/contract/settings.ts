/** The workspace's method settings in the API. */
import { z } from 'zod';
import { THIRD_MEETING_POLICIES } from '../domain/method/meetings.js';
import { versionNumber } from './common.js';
import { RECORD_ERRORS, route } from './http.js';

/** Body of "change the workspace settings": the settings to change plus the version last read. */
export const updateWorkspaceSettingsInput = z.strictObject({
  thirdMeetingPolicy: z.enum(THIRD_MEETING_POLICIES).optional(),
  version: versionNumber,
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

/** Read and change the workspace's method settings. */
export const settingsRoutes = {
  get: route({
    method: 'GET',
    path: '/api/workspace/settings',
    summary: "Read the workspace's method settings",
    tags: ['workspace'],
    status: 200,
    response: workspaceSettingsView,
    errors: RECORD_ERRORS,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/workspace/settings',
    summary: "Change the workspace's method settings (managers; send the version you read)",
    tags: ['workspace'],
    body: updateWorkspaceSettingsInput,
    status: 200,
    response: workspaceSettingsView,
    errors: RECORD_ERRORS,
  }),
};
