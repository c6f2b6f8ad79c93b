/**
 * A delete confirmation: a dialog naming what goes, a danger button, and the server's
 * refusal shown inside it (the dialog stays open) instead of being lost.
 */
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, FormDialog } from '../../../lib/forms';
import '../i18n-edit';

/** The dialog; `onConfirm` deletes and leaves (or closes); a rejection is shown in it. */
export function ConfirmDelete({
  open,
  title,
  children,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setError(null);
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog
      open={open}
      title={title}
      onSave={confirm}
      onClose={onCancel}
      okText={t('common.delete')}
      danger
      busy={busy}
    >
      <FormAlert message={error} />
      {children}
    </FormDialog>
  );
}
