/** Use case: change a seminar (managers and leads) under optimistic concurrency, with its audit entry. */

import { updateSeminarInput } from '../../contract/seminars.js';
import { defineUpdate } from '../record-update.js';
import { requireOrganiser, seminars } from './seminar-store.js';

/** Applies the given fields if `version` is current, else CONFLICT.STALE; NOT_FOUND outside the workspace. */
export const updateSeminar = defineUpdate(seminars, updateSeminarInput, (update) => {
  requireOrganiser(update.principal);
  return update.save();
});
