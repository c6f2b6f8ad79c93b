/**
 * Form helpers: field messages from the client-side check or the server's answer, shown
 * inline; the field with its message, the submit with its busy flag, the form dialog.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, type FormItemProps, Modal } from 'antd';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError, type FieldMessages } from './api';
import { currentLang } from './format';
import { validate } from './validate';

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
    /**
     * Checks `value` with the server's schema in the UI's language (lib/validate.ts;
     * `subject` names the fields): the parsed data, or undefined with the messages shown.
     */
    check<S extends z.ZodType>(schema: S, value: unknown, subject: string): z.output<S> | undefined {
      const checked = validate(schema, value, currentLang(), subject);
      if (checked.ok) return checked.data;
      setFields(checked.fields);
      return undefined;
    },
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

/** Props of {@link Field}: a Form.Item's, with `name` a plain field name. */
export interface FieldProps extends Omit<FormItemProps, 'name'> {
  readonly name: string;
  /** The form's errors (from {@link useFormErrors}): the message of `path` shows under the field. */
  readonly errors: Pick<ReturnType<typeof useFormErrors>, 'item'>;
  /** Where the server reports this field's message, when not at `name` (e.g. `manager.email`). */
  readonly path?: string;
  /** A note under the field, by its name (an edit dialog's "someone else changed this"). */
  readonly notes?: (name: string) => { extra?: string };
}

/**
 * One field of a form: the Form.Item of `name` with the message the check or the server
 * gave for it, so every form shows its field messages the same way.
 */
export function Field({ name, errors, path = name, notes, children, ...item }: FieldProps) {
  return (
    <Form.Item name={name} {...item} {...notes?.(name)} {...errors.item(path)}>
      {children}
    </Form.Item>
  );
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

/** A page form's full-width primary submit button, busy while `busy` (see {@link useSubmit}). */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <Button type="primary" htmlType="submit" loading={busy} block>
      {children}
    </Button>
  );
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
  /** From {@link useFirstField}, so the first field gets the focus (none: a dialog without fields). */
  readonly afterOpenChange?: (open: boolean) => void;
  /** The confirm button's word instead of Save (a delete's "Delete"). */
  readonly okText?: ReactNode;
  /** The confirm button is a danger button (it deletes). */
  readonly danger?: boolean;
  readonly children: ReactNode;
}

/**
 * A form in a dialog, the same everywhere: Save and Cancel in the UI's language, Save
 * busy while the submit runs, the contents unmounted when closed (a reopened form starts
 * from its initial values). A confirmation (a delete) is the same dialog with its own
 * confirm button.
 */
export function FormDialog({
  open = true,
  title,
  busy,
  onSave,
  onClose,
  afterOpenChange,
  okText,
  danger = false,
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
      okText={okText ?? t('common.save')}
      okButtonProps={danger ? { danger: true } : undefined}
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
