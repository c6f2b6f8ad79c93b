/** Form helpers: field messages from the client-side check or the server's answer, shown inline. */
import { useMutation } from '@tanstack/react-query';
import { Alert, Modal } from 'antd';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldMessages } from './api';

/** State of a form's errors: per-field messages and one general message. */
export function useFormErrors() {
  const [fields, setFields] = useState<FieldMessages>({});
  const [general, setGeneral] = useState<string | null>(null);
  return {
    fields,
    general,
    clear() {
      setFields({});
      setGeneral(null);
    },
    setFields,
    /** Shows a failed request: field messages beside the fields, the rest on top. */
    fromError(error: unknown) {
      if (error instanceof ApiError) {
        const f = error.fields;
        setFields(f);
        setGeneral(Object.keys(f).length > 0 ? null : error.message);
      } else {
        setGeneral(error instanceof Error ? error.message : String(error));
      }
    },
    /** antd Form.Item props showing the message of `path`. */
    item(path: string) {
      const message = fields[path];
      return message ? { validateStatus: 'error' as const, help: message } : {};
    },
  };
}

/** The general error of a form (rendered as text, never as HTML). */
export function FormAlert({ message }: { message: string | null }) {
  return message ? (
    <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} role="alert" />
  ) : null;
}

/**
 * A form's submit with its busy flag: clears the old messages, runs `work`, and shows a
 * failure on the form (beside the fields, or on top) instead of letting it escape.
 * `work` runs as a TanStack mutation, so the busy flag is the mutation's own state;
 * `networkMode: 'always'` sends it even when the browser believes it is offline, so a
 * failure is shown on the form instead of the submit waiting, paused, for the network.
 * `errors` needs only `clear` and `fromError`, so a page that shows its errors its own way
 * (Log a visit's step error) submits through it too.
 */
export function useSubmit(errors: Pick<ReturnType<typeof useFormErrors>, 'clear' | 'fromError'>) {
  const mutation = useMutation({
    mutationFn: (work: () => Promise<unknown>) => work(),
    networkMode: 'always',
  });
  async function run(work: () => Promise<unknown>): Promise<void> {
    errors.clear();
    try {
      await mutation.mutateAsync(work);
    } catch (error) {
      errors.fromError(error);
    }
  }
  return { busy: mutation.isPending, run };
}

/** Props of {@link FormDialog}. */
export interface FormDialogProps {
  /** Shown or not (default shown: dialogs that are mounted only while open). */
  readonly open?: boolean;
  readonly title: ReactNode;
  /** The submit is under way: Save shows it and cannot be pressed again. */
  readonly busy: boolean;
  readonly onSave: () => unknown;
  readonly onClose: () => void;
  /** From {@link useFirstField}, so the first field gets the focus. */
  readonly afterOpenChange: (open: boolean) => void;
  readonly children: ReactNode;
}

/**
 * A form in a dialog, the same everywhere: Save and Cancel in the UI's language, Save
 * busy while the submit runs, the contents unmounted when closed (a reopened form starts
 * from its initial values).
 */
export function FormDialog({
  open = true,
  title,
  busy,
  onSave,
  onClose,
  afterOpenChange,
  children,
}: FormDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      afterOpenChange={afterOpenChange}
      open={open}
      title={title}
      onCancel={onClose}
      onOk={onSave}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}

/**
 * The first field of a dialog: give `ref` to the field (with `autoFocus`) and
 * `afterOpenChange` to the Modal. `autoFocus` alone misses when antd mounts the dialog
 * while it is still hidden, which it does without animation (the system's "reduce
 * motion"); the dialog then focused its close button. Once the dialog is open, the field
 * gets the focus unless the user is already typing in one of the dialog's fields.
 */
export function useFirstField<T extends { focus: () => void }>() {
  const ref = useRef<T>(null);
  const afterOpenChange = useCallback((open: boolean) => {
    const active = document.activeElement;
    const typing =
      (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) &&
      active.closest('[role="dialog"]') !== null;
    if (open && !typing) ref.current?.focus();
  }, []);
  return { ref, afterOpenChange };
}
