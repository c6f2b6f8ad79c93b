/**
 * The contact dialog: adds a contact to a customer, or with `contact` edits one (role and
 * key-person flag included) — only the changed fields and the version read are sent, and
 * a stale save loads the latest data with the user's changes kept.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { InputRef } from 'antd';
import { App, Checkbox, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_ROLES,
  type Contact,
  createContactInput,
  updateContactInput,
} from '../../../../contract/contacts.js';
import { ApiError } from '../../../lib/api';
import { currentLang } from '../../../lib/format';
import { FormAlert, FormDialog, useFirstField, useFormErrors, useSubmit } from '../../../lib/forms';
import { validate } from '../../../lib/validate';
import { customerKeys } from '../api/customer-keys';
import { createContact, getContact, updateContact } from '../api/customers-api';
import { changedFields } from '../lib/edits';
import { StaleAlert, showRebased, useStale } from './StaleNotice';
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
  const firstField = useFirstField<InputRef>();
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors();
  const stale = useStale();
  const submitting = useSubmit(errors);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  // The contact as read when the dialog opened (or re-read after a stale save).
  const [read, setRead] = useState(contact);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setRead(contact);
      stale.clear();
      errors.clear();
    }
  }

  function display(field: keyof Fields, value: string | boolean | null): string {
    if (value === null) return t('customerEdit.empty');
    if (typeof value === 'boolean') return value ? t('customerEdit.yes') : t('customerEdit.no');
    if (field === 'role') return t(`contactRoles.${value}`);
    return value;
  }

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
    const checked = validate(createContactInput, input, currentLang(), 'contacts');
    if (!checked.ok) return errors.setFields(checked.fields);
    await createContact(checked.data);
    await queryClient.invalidateQueries({ queryKey: customerKeys.contacts(customerId) });
    form.resetFields();
    onClose();
  }

  async function update(before: Contact, v: Values) {
    const base = fieldsOfContact(before);
    const edited = fieldsOf(v);
    const changes = changedFields(base, edited);
    if (Object.keys(changes).length === 0) {
      message.info(t('customerEdit.noChanges'));
      onClose();
      return;
    }
    const checked = validate(
      updateContactInput,
      { ...changes, version: before.version },
      currentLang(),
      'contacts',
    );
    if (!checked.ok) return errors.setFields(checked.fields);
    try {
      await updateContact(queryClient, before, checked.data);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'CONFLICT.STALE')) throw error;
      // Someone saved first: load what they saved, keep what this user changed, and show both.
      const latest = await getContact(before.id);
      await queryClient.invalidateQueries({ queryKey: customerKeys.contacts(customerId) });
      showRebased({
        form,
        stale,
        read: base,
        latest: fieldsOfContact(latest),
        edited,
        version: latest.version,
        valuesOf,
        display,
      });
      setRead(latest);
      return;
    }
    message.success(t('common.saved'));
    onClose();
  }

  function submit() {
    stale.clear();
    return submitting.run(() => {
      const v = form.getFieldsValue();
      return read ? update(read, v) : create(v);
    });
  }

  return (
    <FormDialog
      afterOpenChange={firstField.afterOpenChange}
      open={open}
      title={read ? t('customerEdit.editContact') : t('customers.addContact')}
      onClose={onClose}
      onSave={submit}
      busy={submitting.busy}
    >
      <StaleAlert stale={stale.stale} />
      <FormAlert message={errors.general} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={read ? valuesOf(fieldsOfContact(read)) : undefined}
      >
        <Form.Item
          label={t('customers.contactName')}
          name="name"
          required
          {...stale.extra('name')}
          {...errors.item('name')}
        >
          <Input ref={firstField.ref} autoFocus />
        </Form.Item>
        <Form.Item
          label={t('customers.contactTitle')}
          name="title"
          {...stale.extra('title')}
          {...errors.item('title')}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={t('customers.phone')}
          name="phone"
          {...stale.extra('phone')}
          {...errors.item('phone')}
        >
          <Input type="tel" />
        </Form.Item>
        <Form.Item
          label={t('customers.email')}
          name="email"
          {...stale.extra('email')}
          {...errors.item('email')}
        >
          <Input type="email" />
        </Form.Item>
        <Form.Item label={t('customers.role')} name="role" {...stale.extra('role')} {...errors.item('role')}>
          <Select
            allowClear
            options={CONTACT_ROLES.map((r) => ({ value: r, label: t(`contactRoles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="kpConfirmed"
          valuePropName="checked"
          {...stale.extra('kpConfirmed')}
          {...errors.item('kpConfirmed')}
        >
          <Checkbox>{t('customers.kp')}</Checkbox>
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </FormDialog>
  );
}
