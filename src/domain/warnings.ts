/**
 * Warnings are facts the user must see but that do not stop a plan (an unknown holiday
 * year, an ignored date). Each carries its text in both languages.
 */

/** Codes of plan warnings. */
export type WarningCode =
  | 'CALENDAR.NO_HOLIDAY_DATA'
  | 'CALENDAR.OVERRIDE_OUTSIDE_YEAR'
  | 'PLAN.EXISTING_EXCEEDS_TARGET'
  | 'PLAN.TODAY_OUTSIDE_YEAR';

/** A warning shown with a plan. */
export interface PlanWarning {
  readonly code: WarningCode;
  readonly zh: string;
  readonly en: string;
}
