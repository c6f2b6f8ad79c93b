/**
 * What a form shows after a stale save (CONFLICT.STALE): one alert saying that someone
 * else saved first and that the latest data is loaded with the user's changes kept, and a
 * note under each field the other person changed.
 */
import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n-edit';

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
