/**
 * Texts of the dashboard, seminars and the team's targets and queues: i18n-dashboard.json,
 * each entry with its zh-CN and en word, and the domain's label catalogs for the enum
 * words. Kept in their own file and merged into the app's `translation` namespace (deep,
 * without overwriting), so the shared i18n.ts stays untouched.
 */
import {
  FORECAST_GROUP_LABELS,
  PACE_FIGURE_LABELS,
  PACE_STATUS_LABELS,
  RSVP_LABELS,
  SEMINAR_STATUS_LABELS,
} from '../../../domain/labels.js';
import { addTexts } from '../../i18n';
import words from './i18n-dashboard.json';

addTexts(words, {
  dash: {
    // The run-rate figures' names: the domain's, the same words as Today and the CLI.
    remainingDays: PACE_FIGURE_LABELS.remainingDays,
    dailyRate: PACE_FIGURE_LABELS.perRemainingDay,
    statuses: PACE_STATUS_LABELS,
    forecastGroups: FORECAST_GROUP_LABELS,
  },
  sem: { statuses: SEMINAR_STATUS_LABELS, rsvps: RSVP_LABELS },
});
