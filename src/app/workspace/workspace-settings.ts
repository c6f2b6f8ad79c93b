/** The workspace's method settings: the row → view mapping (the view and the change: src/contract/settings.ts). */
import type { WorkspaceSettings } from '../../contract/settings.js';
import { toThirdMeetingPolicy } from '../../domain/method/meetings.js';

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
