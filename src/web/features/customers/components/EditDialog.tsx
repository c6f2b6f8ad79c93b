/**
 * What the customer page's edit dialogs (customer, contact, visit) share: the record as
 * read when the dialog opened, the form with its errors and stale notes, the submit, the
 * save of only the changed fields that on CONFLICT.STALE loads the latest record with the
 * user's changes kept, and the dialog around the form.
 */
import type { FormInstance, InputRef } from 'antd';
import { App, Form } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { FormAlert, FormDialog, useFirstField, useFormErrors, useSubmit } from '../../../lib/forms';
import { changedFields, type Editable } from '../lib/edits';
import { StaleAlert, showRebased, useStale } from './StaleNotice';
import '../i18n-edit';

/** One edit dialog: the record, whether it is open, and how the record reaches the form and back. */
export interface EditDialogOptions<R, V, F extends Editable> {
  /** What to edit; none: the dialog creates one. */
  readonly record: R | undefined;
  readonly open: boolean;
  readonly onClose: () => void;
  /** The record's editable fields, normalised as the form would give them back. */
  readonly fieldsOf: (record: R) => F;
  /** Fields → the form's values. */
  readonly valuesOf: (fields: F) => V;
  /** How a field's value reads in the "they changed it to …" note. */
  readonly display: (field: keyof F & string, value: F[keyof F & string]) => string;
}

/** What {@link EditDialogState.saveChanges} came to; `saved` holds what the save answered. */
export type SaveOutcome<T> = 'unchanged' | 'invalid' | 'stale' | { readonly saved: T };

/**
 * The state of one edit dialog for a record `R` with form values `V` and editable fields
 * `F`. Each opening takes `record` afresh and clears the last opening's messages.
 */
export function useEditDialog<R extends { readonly version: number }, V extends object, F extends Editable>(
  options: EditDialogOptions<R, V, F>,
) {
  const { record, open, onClose, ...mapping } = options;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const firstField = useFirstField<InputRef>();
  const [form] = Form.useForm<V>();
  const errors = useFormErrors();
  const stale = useStale();
  const submitting = useSubmit(errors);
  // The record as read when the dialog opened (or re-read after a stale save): its
  // version goes with the save, and "changed" means changed from it. Taken while
  // rendering the opening, so the form's initial values are the same snapshot.
  const [read, setRead] = useState(record);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setRead(record);
      stale.clear();
      errors.clear();
    }
  }
  return {
    open,
    onClose,
    firstField,
    form,
    errors,
    read,
    stale: stale.stale,
    busy: submitting.busy,
    /** Spread on a lib/forms `Field`: its error and its "someone else changed this" note. */
    field: { errors, notes: stale.extra },
    /** The form's values for the record read, or `blank` when creating one. */
    initialValues(blank?: V): V | undefined {
      return read ? mapping.valuesOf(mapping.fieldsOf(read)) : blank;
    },
    /** Runs `work` with the form's values and the record read (busy, errors shown on the form). */
    submit(work: (values: V, read: R | undefined) => Promise<unknown>): Promise<void> {
      stale.clear();
      return submitting.run(() => work(form.getFieldsValue(), read));
    },
    /**
     * Saves the fields changed from `before` to `edited`: nothing when none changed; else
     * `check` makes the update body (undefined: its messages are shown) and `save` sends
     * it. When someone else saved first (CONFLICT.STALE) it loads what they saved
     * (`reload`), puts it in the form with this user's changes on top, points out their
     * changes and takes it as the record read.
     */
    async saveChanges<B, T>(
      before: R,
      edited: F,
      steps: {
        readonly check: (changes: Partial<F>) => B | undefined;
        readonly save: (body: B) => Promise<T>;
        readonly reload: () => Promise<R>;
      },
    ): Promise<SaveOutcome<T>> {
      const base = mapping.fieldsOf(before);
      const changes = changedFields(base, edited);
      if (Object.keys(changes).length === 0) return 'unchanged';
      const body = steps.check(changes);
      if (body === undefined) return 'invalid';
      try {
        return { saved: await steps.save(body) };
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'CONFLICT.STALE')) throw error;
        // Someone saved first: load what they saved, keep what this user changed, and show both.
        const latest = await steps.reload();
        showRebased({
          form: form as FormInstance<V>,
          stale,
          read: base,
          latest: mapping.fieldsOf(latest),
          edited,
          version: latest.version,
          valuesOf: mapping.valuesOf,
          display: mapping.display,
        });
        setRead(latest);
        return 'stale';
      }
    },
    /**
     * Ends a save of the changed fields: says "Saved" (or that nothing changed) and closes;
     * an invalid or stale save leaves the dialog open, its messages shown.
     */
    finish(outcome: SaveOutcome<unknown>): void {
      if (outcome === 'invalid' || outcome === 'stale') return;
      if (outcome === 'unchanged') message.info(t('customerEdit.noChanges'));
      else message.success(t('common.saved'));
      onClose();
    },
  };
}

/** The state {@link useEditDialog} answers. */
export type EditDialogState<
  R extends { readonly version: number },
  V extends object,
  F extends Editable,
> = ReturnType<typeof useEditDialog<R, V, F>>;

/**
 * The dialog of an edit form: Save and Cancel (lib/forms `FormDialog`), the stale alert,
 * the form's general error, and the vertical form of `dialog` that saves with `onSave`.
 */
export function EditDialog<R extends { readonly version: number }, V extends object, F extends Editable>({
  dialog,
  title,
  initialValues,
  onSave,
  children,
}: {
  readonly dialog: EditDialogState<R, V, F>;
  readonly title: ReactNode;
  readonly initialValues: V | undefined;
  readonly onSave: () => unknown;
  readonly children: ReactNode;
}) {
  return (
    <FormDialog
      afterOpenChange={dialog.firstField.afterOpenChange}
      open={dialog.open}
      title={title}
      onClose={dialog.onClose}
      onSave={onSave}
      busy={dialog.busy}
    >
      <StaleAlert stale={dialog.stale} />
      <FormAlert message={dialog.errors.general} />
      <Form form={dialog.form} layout="vertical" onFinish={onSave} initialValues={initialValues}>
        {children}
      </Form>
    </FormDialog>
  );
}
