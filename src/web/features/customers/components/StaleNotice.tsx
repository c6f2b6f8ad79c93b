/**
 * What a form shows after a stale save (CONFLICT.STALE): one alert saying that someone
 * else saved first and that the latest data is loaded with the user's changes kept, and a
 * note under each field the other person changed.
 */
import { Alert, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n-edit';
import { type Editable, rebase } from '../lib/edits';

/** A stale save, rebased: the version now read and the fields to point out. */
export interface Stale {
  readonly version: number;
  /** Fields only the other person changed (the form shows their value). */
  readonly theirs: readonly string[];
  /** Fields both changed: field → the other person's value, for display. */
  readonly clashes: Readonly<Record<string, string>>;
}

/** The stale state of one form and the per-field notes. */
export function useStale() {
  const { t } = useTranslation();
  const [stale, setStale] = useState<Stale | null>(null);
  return {
    stale,
    set: setStale,
    clear: () => setStale(null),
    /** Form.Item `extra` for `field`, or nothing when the other person did not change it. */
    extra(field: string): { extra?: string } {
      if (!stale) return {};
      const theirs = stale.clashes[field];
      if (theirs !== undefined) return { extra: t('customerEdit.staleClash', { value: theirs }) };
      return stale.theirs.includes(field) ? { extra: t('customerEdit.staleTheirs') } : {};
    },
  };
}

/** The alert on top of the form (text only, never HTML). */
export function StaleAlert({ stale }: { stale: Stale | null }) {
  const { t } = useTranslation();
  return stale ? (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('customerEdit.stale', { version: stale.version })}
      style={{ marginBottom: 16 }}
      data-testid="stale-alert"
    />
  ) : null;
}

/**
 * After a stale save: puts the latest record with the user's own changes on top into the
 * form (lib/edits.ts `rebase`) and marks the fields the other person changed. Returns
 * nothing; the caller keeps `latest` as the record now read (its version goes with the
 * next save).
 */
export function showRebased<F extends Editable, V extends object>(args: {
  readonly form: FormInstance<V>;
  readonly stale: ReturnType<typeof useStale>;
  /** The fields as read when editing began, as saved by the other person, as edited here. */
  readonly read: F;
  readonly latest: F;
  readonly edited: F;
  readonly version: number;
  readonly valuesOf: (fields: F) => V;
  /** How a field's value reads in the "they changed it to …" note. */
  readonly display: (field: keyof F & string, value: F[keyof F & string]) => string;
}): void {
  const rebased = rebase(args.read, args.latest, args.edited);
  const values = args.valuesOf(rebased.values);
  args.form.setFields(
    (Object.keys(values) as (keyof V & string)[]).map((name) => ({
      name: name as never,
      value: values[name],
      errors: [],
    })),
  );
  args.stale.set({
    version: args.version,
    theirs: rebased.theirs,
    clashes: Object.fromEntries(rebased.clashes.map((f) => [f, args.display(f, args.latest[f])])),
  });
}
