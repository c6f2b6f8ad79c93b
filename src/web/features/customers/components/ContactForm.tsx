/**
 * The contact dialog: adds a contact to a customer, or with `contact` edits one (role and
 * key-person flag included) — only the changed fields and the version read are sent, and
 * a stale save loads the latest data with the user's changes kept.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Checkbox, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_ROLES,
  type Contact,
  createContactInput,
  updateContactInput,
} from '../../../../contract/contacts.js';
import { Field } from '../../../lib/forms';
import { customerKeys } from '../api/customer-keys';
import { createContact, getContact, updateContact } from '../api/customers-api';
import { EditDialog, useEditDialog } from './EditDialog';
import '../i18n-edit';

interface Values {
  name?: string;
  title?: string;
  phone?: string;
  email?: string;
  role?: string;
  kpConfirmed?: boolean;
}

/** The editable fields as the update body names them; null is "empty". */
type Fields = {
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  role: string | null;
  kpConfirmed: boolean;
};

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The form's values → the fields (text trimmed, empty → null). */
function fieldsOf(v: Values): Fields {
  return {
    name: v.name?.trim() ?? '',
    title: blank(v.title) ?? null,
    phone: blank(v.phone) ?? null,
    email: blank(v.email) ?? null,
    role: v.role ?? null,
    kpConfirmed: v.kpConfirmed ?? false,
  };
}

/** Fields → the form's values. */
function valuesOf(f: Fields): Values {
  return {
    name: f.name,
    title: f.title ?? '',
    phone: f.phone ?? '',
    email: f.email ?? '',
    role: f.role ?? undefined,
    kpConfirmed: f.kpConfirmed,
  };
}

/** A contact's fields, passed through the form's normalising so untouched fields compare equal. */
function fieldsOfContact(c: Contact): Fields {
  return fieldsOf(
    valuesOf({
      name: c.name,
      title: c.title,
      phone: c.phone,
      email: c.email,
      role: c.role,
      kpConfirmed: c.kpConfirmed,
    }),
  );
}

/** The dialog; `contact` to edit it, none to add one to `customerId`. */
export function ContactForm({
  customerId,
  open,
  onClose,
  contact,
}: {
  customerId: string;
  open: boolean;
  onClose: () => void;
  contact?: Contact;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();

  function display(field: keyof Fields, value: string | boolean | null): string {
    if (value === null) return t('customerEdit.empty');
    if (typeof value === 'boolean') return value ? t('customerEdit.yes') : t('customerEdit.no');
    if (field === 'role') return t(`contactRoles.${value}`);
    return value;
  }

  const dialog = useEditDialog({
    record: contact,
    open,
    onClose,
    fieldsOf: fieldsOfContact,
    valuesOf,
    display,
  });
  const { form, errors, read } = dialog;

  async function create(v: Values) {
    const input = JSON.parse(
      JSON.stringify({
        customerId,
        name: v.name ?? '',
        title: blank(v.title),
        phone: blank(v.phone),
        email: blank(v.email),
        role: v.role,
        kpConfirmed: v.kpConfirmed ?? false,
      }),
    ) as unknown;
    const checked = errors.check(createContactInput, input, 'contacts');
    if (!checked) return;
    await createContact(checked);
    await queryClient.invalidateQueries({ queryKey: customerKeys.contacts(customerId) });
    form.resetFields();
    onClose();
  }

  async function update(before: Contact, v: Values) {
    const outcome = await dialog.saveChanges(before, fieldsOf(v), {
      check: (changes) =>
        errors.check(updateContactInput, { ...changes, version: before.version }, 'contacts'),
      save: (body) => updateContact(queryClient, before, body),
      reload: async () => {
        const latest = await getContact(before.id);
        await queryClient.invalidateQueries({ queryKey: customerKeys.contacts(customerId) });
        return latest;
      },
    });
    dialog.finish(outcome);
  }

  const submit = () => dialog.submit((v, before) => (before ? update(before, v) : create(v)));

  return (
    <EditDialog
      dialog={dialog}
      title={read ? t('customerEdit.editContact') : t('customers.addContact')}
      initialValues={dialog.initialValues()}
      onSave={submit}
    >
      <Field {...dialog.field} label={t('customers.contactName')} name="name" required>
        <Input ref={dialog.firstField.ref} autoFocus />
      </Field>
      <Field {...dialog.field} label={t('customers.contactTitle')} name="title">
        <Input />
      </Field>
      <Field {...dialog.field} label={t('customers.phone')} name="phone">
        <Input type="tel" />
      </Field>
      <Field {...dialog.field} label={t('common.email')} name="email">
        <Input type="email" />
      </Field>
      <Field {...dialog.field} label={t('customers.role')} name="role">
        <Select
          allowClear
          options={CONTACT_ROLES.map((r) => ({ value: r, label: t(`contactRoles.${r}`) }))}
        />
      </Field>
      <Field {...dialog.field} name="kpConfirmed" valuePropName="checked">
        <Checkbox>{t('customers.kp')}</Checkbox>
      </Field>
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </EditDialog>
  );
}
