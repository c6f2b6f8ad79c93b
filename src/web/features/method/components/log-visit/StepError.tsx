/** The error of a Log a visit step: the server's message, and the field messages it leaves out. */
import { Alert } from 'antd';
import { useState } from 'react';
import { ApiError, type FieldMessages } from '../../../../lib/api';

/** A failed save as the step shows it. */
export interface StepFailure {
  readonly message: string;
  readonly fields: FieldMessages;
  readonly code: string;
}

/**
 * The step's error state, shaped for `useSubmit` (`clear`, `fromError`) and for the
 * fields (`item`). Unlike a dialog's form errors, the message is always shown on top:
 * a step's save can fail on something no field on screen names (a stale version).
 */
export function useStepError() {
  const [error, setError] = useState<StepFailure | null>(null);
  return {
    error,
    clear: () => setError(null),
    fromError(e: unknown) {
      if (e instanceof ApiError) setError({ message: e.message, fields: e.fields, code: e.code });
      else setError({ message: e instanceof Error ? e.message : String(e), fields: {}, code: '' });
    },
    /** antd Form.Item props showing the message of `path`. */
    item(path: string) {
      const m = error?.fields[path];
      return m ? { validateStatus: 'error' as const, help: m } : {};
    },
  };
}

/** Shows the step's error (as text, never as HTML). */
export function StepError({ error }: { error: StepFailure | null }) {
  if (!error) return null;
  // The server's message often names the fields already; list only what it leaves out.
  const fields = Object.entries(error.fields).filter(([, m]) => !error.message.includes(m));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={error.message}
      description={
        fields.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {fields.map(([path, message]) => (
              <li key={path}>
                {path}: {message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
