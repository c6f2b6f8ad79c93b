/**
 * Editing a record under optimistic concurrency: send only what the user changed, and
 * after a stale save (someone else saved first) rebase the user's edits onto the record
 * as it is now, so neither side's change is lost without being shown.
 */

/** A record's editable fields as flat values (text, choice, flag; null for empty). */
export type Editable = Record<string, string | boolean | null>;

/** The fields of `edited` that differ from `base`: the body of a partial update. */
export function changedFields<T extends Editable>(base: T, edited: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(edited) as (keyof T)[]) {
    if (edited[key] !== base[key]) out[key] = edited[key];
  }
  return out;
}

/** The form after a stale save, and which fields to point out. */
export interface Rebased<T extends Editable> {
  /** What the form shows now: the latest record with the user's own changes on top. */
  readonly values: T;
  /** Fields someone else changed that the user did not touch: the form now shows theirs. */
  readonly theirs: (keyof T & string)[];
  /** Fields both changed, to different values: the user's value stays in the form. */
  readonly clashes: (keyof T & string)[];
}

/**
 * Rebases the user's edits (`edited`, made on `read`) onto `latest`. A field the user
 * changed keeps the user's value; every other field takes the latest value, so saving
 * again cannot silently undo the other person's change.
 */
export function rebase<T extends Editable>(read: T, latest: T, edited: T): Rebased<T> {
  const values = { ...latest };
  const theirs: (keyof T & string)[] = [];
  const clashes: (keyof T & string)[] = [];
  for (const key of Object.keys(latest) as (keyof T & string)[]) {
    const mine = edited[key] !== read[key];
    const changedByThem = latest[key] !== read[key];
    if (mine) values[key] = edited[key];
    if (changedByThem && !mine) theirs.push(key);
    if (changedByThem && mine && latest[key] !== edited[key]) clashes.push(key);
  }
  return { values, theirs, clashes };
}
