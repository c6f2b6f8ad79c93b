/**
 * The customer dialog, validated with the server's schemas and showing the server's errors
 * by the fields. Without `customer` it creates one; with it, it edits it: prefilled, it
 * sends only the changed fields and the version read, and when someone else saved first it
 * loads the latest data with the user's changes kept and says so.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { InputRef } from 'antd';
import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_CLASSES,
  CUSTOMER_STATUSES,
  type Customer,
  createCustomerInput,
  updateCustomerInput,
} from '../../../../contract/customers.js';
import { ApiError } from '../../../lib/api';
import { currentLang } from '../../../lib/format';
import { FormAlert, FormDialog, useFirstField, useFormErrors, useSubmit } from '../../../lib/forms';
import { navigate } from '../../../lib/router';
import { validate } from '../../../lib/validate';
import { customerKeys } from '../api/customer-keys';
import { createCustomer, reloadCustomer, updateCustomer, useMarkets, useMembers } from '../api/customers-api';
import { changedFields } from '../lib/edits';
import { StaleAlert, showRebased, useStale } from './StaleNotice';
import '../i18n-edit';

interface Values {
  name?: string;
  company?: string;
  city?: string;
  marketId?: string;
  class?: string;
  status?: string;
  ownerId?: string;
  notes?: string;
  statusOverrideReason?: string;
}

/** The editable fields as the update body names them; null is "empty". */
type Fields = {
  name: string;
  company: string | null;
  city: string | null;
  marketId: string | null;
  class: string | null;
  status: string | null;
  ownerId: string | null;
  notes: string | null;
};

/** Empty text → absent, so optional fields are not sent as "". */
function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The form's values → the fields (text trimmed, empty → null). */
function fieldsOf(v: Values): Fields {
  return {
    name: v.name?.trim() ?? '',
    company: text(v.company) ?? null,
    city: text(v.city) ?? null,
    marketId: v.marketId ?? null,
    class: v.class ?? null,
    status: v.status ?? null,
    ownerId: v.ownerId ?? null,
    notes: text(v.notes) ?? null,
  };
}

/** Fields → the form's values (empty text as "", an empty choice as nothing chosen). */
function valuesOf(f: Fields): Values {
  return {
    name: f.name,
    company: f.company ?? '',
    city: f.city ?? '',
    marketId: f.marketId ?? undefined,
    class: f.class ?? undefined,
    status: f.status ?? undefined,
    ownerId: f.ownerId ?? undefined,
    notes: f.notes ?? '',
  };
}

/** A customer's fields, passed through the form's normalising so untouched fields compare equal. */
function fieldsOfCustomer(c: Customer): Fields {
  return fieldsOf(
    valuesOf({
      name: c.name,
      company: c.company,
      city: c.city,
      marketId: c.marketId,
      class: c.class,
      status: c.status,
      ownerId: c.ownerId,
      notes: c.notes,
    }),
  );
}

/** The dialog; `customer` to edit it, none to create one; `onClose` when done or cancelled. */
export function CustomerForm({
  open,
  onClose,
  customer,
}: {
  open: boolean;
  onClose: () => void;
  customer?: Customer;
}) {
  const firstField = useFirstField<InputRef>();
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors();
  const stale = useStale();
  const submitting = useSubmit(errors);
  const markets = useMarkets();
  const members = useMembers();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  // The customer as read when the dialog opened (or re-read after a stale save): its
  // version goes with the save, and "changed" means changed from it. Taken while
  // rendering the opening, so the form's initial values are the same snapshot.
  const [read, setRead] = useState(customer);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setRead(customer);
      stale.clear();
      errors.clear();
    }
  }

  const marketOptions = (markets.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }));
  const ownerOptions = (members.data?.members ?? [])
    .filter((m) => m.role !== 'assistant')
    .map((m) => ({ value: m.id, label: m.name }));

  /** A field's value for people (names of markets and owners, translated class and status). */
  function display(field: keyof Fields, value: string | null): string {
    if (value === null) return t('customerEdit.empty');
    if (field === 'marketId') return marketOptions.find((o) => o.value === value)?.label ?? value;
    if (field === 'ownerId') return ownerOptions.find((o) => o.value === value)?.label ?? value;
    if (field === 'class') return t(`classes.${value}`);
    if (field === 'status') return t(`statuses.${value}`);
    return value;
  }

  /** The override reason is asked for only when an unqualified customer moves to "proposal". */
  function needsReason(status: unknown): boolean {
    if (status !== 'proposal') return false;
    return !read || (read.status !== 'proposal' && !read.qualification.qualified);
  }

  async function create(v: Values) {
    const input = {
      name: v.name ?? '',
      company: text(v.company),
      city: text(v.city),
      notes: text(v.notes),
      marketId: v.marketId,
      class: v.class,
      status: v.status,
      ownerId: v.ownerId,
      statusOverrideReason: needsReason(v.status) ? text(v.statusOverrideReason) : undefined,
    };
    const checked = validate(
      createCustomerInput,
      JSON.parse(JSON.stringify(input)),
      currentLang(),
      'customers',
    );
    if (!checked.ok) return errors.setFields(checked.fields);
    const created = await createCustomer(checked.data);
    await queryClient.invalidateQueries({ queryKey: customerKeys.allLists });
    message.success(t('common.saved'));
    form.resetFields();
    onClose();
    navigate(`/customers/${created.id}`);
  }

  async function update(before: Customer, v: Values) {
    const base = fieldsOfCustomer(before);
    const edited = fieldsOf(v);
    const changes = changedFields(base, edited);
    if (Object.keys(changes).length === 0) {
      message.info(t('customerEdit.noChanges'));
      onClose();
      return;
    }
    const reason = needsReason(edited.status) ? text(v.statusOverrideReason) : undefined;
    const body = { ...changes, ...(reason ? { statusOverrideReason: reason } : {}), version: before.version };
    const checked = validate(updateCustomerInput, body, currentLang(), 'customers');
    if (!checked.ok) return errors.setFields(checked.fields);
    try {
      await updateCustomer(queryClient, before.id, checked.data);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'CONFLICT.STALE')) throw error;
      // Someone saved first: load what they saved, keep what this user changed, and show both.
      const latest = await reloadCustomer(queryClient, before.id);
      showRebased({
        form,
        stale,
        read: base,
        latest: fieldsOfCustomer(latest),
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
      title={read ? t('customerEdit.editCustomer') : t('customers.add')}
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
        initialValues={read ? valuesOf(fieldsOfCustomer(read)) : { class: 'new', status: 'lead' }}
      >
        <Form.Item
          label={t('customers.name')}
          name="name"
          required
          {...stale.extra('name')}
          {...errors.item('name')}
        >
          <Input ref={firstField.ref} autoFocus />
        </Form.Item>
        <Form.Item
          label={t('customers.company')}
          name="company"
          {...stale.extra('company')}
          {...errors.item('company')}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t('customers.city')} name="city" {...stale.extra('city')} {...errors.item('city')}>
          <Input />
        </Form.Item>
        <Form.Item
          label={t('customers.market')}
          name="marketId"
          {...stale.extra('marketId')}
          {...errors.item('marketId')}
        >
          <Select allowClear loading={markets.isPending} options={marketOptions} />
        </Form.Item>
        <Form.Item
          label={t('customers.class')}
          name="class"
          {...stale.extra('class')}
          {...errors.item('class')}
        >
          <Select options={CUSTOMER_CLASSES.map((c) => ({ value: c, label: t(`classes.${c}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('customers.status')}
          name="status"
          {...stale.extra('status')}
          {...errors.item('status')}
        >
          <Select options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
        </Form.Item>
        <Form.Item noStyle dependencies={['status']}>
          {({ getFieldValue }) =>
            needsReason(getFieldValue('status')) ? (
              <Form.Item
                label={t('customerEdit.overrideReason')}
                name="statusOverrideReason"
                {...errors.item('statusOverrideReason')}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item
          label={t('customers.owner')}
          name="ownerId"
          {...stale.extra('ownerId')}
          {...errors.item('ownerId')}
        >
          <Select allowClear loading={members.isPending} options={ownerOptions} />
        </Form.Item>
        <Form.Item
          label={t('customers.notes')}
          name="notes"
          {...stale.extra('notes')}
          {...errors.item('notes')}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </FormDialog>
  );
}
