/**
 * Texts of the Today page, the guided visit and the method's parts of the customer page:
 * i18n-method.json, each entry with its zh-CN and en word, and the domain's label catalogs
 * for the enum words, added to the app's translations under `method.` (a block of their
 * own, so the shared i18n.ts stays untouched apart from one import).
 */
import {
  CLOSE_RESPONSE_LABELS,
  CLOSE_RESULT_LABELS,
  FOLLOW_UP_KIND_LABELS,
  NEEDED_REASON_LABELS,
  PACE_FIGURE_LABELS,
  QUALIFICATION_GAP_LABELS,
  VISIT_STATUS_LABELS,
  YES_NO_UNKNOWN_LABELS,
} from '../../../domain/labels.js';
import { addTexts } from '../../i18n';
import words from './i18n-method.json';

addTexts(
  { method: words },
  {
    method: {
      /** Follow-up kinds the system writes; any other kind is the salesperson's own words. */
      followUpKinds: FOLLOW_UP_KIND_LABELS,
      /** Why today needs nothing. */
      neededReasons: NEEDED_REASON_LABELS,
      today: {
        // The run-rate figures' names: the domain's, the same words as the dashboard and the CLI.
        neededToday: PACE_FIGURE_LABELS.neededToday,
        planToday: PACE_FIGURE_LABELS.planToday,
        remainingDays: PACE_FIGURE_LABELS.remainingDays,
        runRate: PACE_FIGURE_LABELS.perRemainingDay,
      },
      visit: {
        statuses: VISIT_STATUS_LABELS,
        results: CLOSE_RESULT_LABELS,
        responses: CLOSE_RESPONSE_LABELS,
      },
      customer: { gaps: QUALIFICATION_GAP_LABELS, yn: YES_NO_UNKNOWN_LABELS },
    },
  },
);
