/**
 * The customer dialog, validated with the server's schemas and showing the server's errors
 * by the fields. Without `customer` it creates one; with it, it edits it: prefilled, it
 * sends only the changed fields and the version read, and when someone else saved first it
 * loads the latest data with the user's changes kept and says so.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_CLASSES,
  CUSTOMER_STATUSES,
  type Customer,
  createCustomerInput,
  updateCustomerInput,
} from '../../../../contract/customers.js';
import { Field } from '../../../lib/forms';
import { navigate } from '../../../lib/router';
import { customerKeys } from '../api/customer-keys';
import { createCustomer, reloadCustomer, updateCustomer, useMarkets, useMembers } from '../api/customers-api';
import { EditDialog, useEditDialog } from './EditDialog';
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
  const { t } = useTranslation();
  const markets = useMarkets();
  const members = useMembers();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

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

  const dialog = useEditDialog({
    record: customer,
    open,
    onClose,
    fieldsOf: fieldsOfCustomer,
    valuesOf,
    display,
  });
  const { form, errors, read } = dialog;

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
    const checked = errors.check(createCustomerInput, JSON.parse(JSON.stringify(input)), 'customers');
    if (!checked) return;
    const created = await createCustomer(checked);
    await queryClient.invalidateQueries({ queryKey: customerKeys.allLists });
    message.success(t('common.saved'));
    form.resetFields();
    onClose();
    navigate(`/customers/${created.id}`);
  }

  async function update(before: Customer, v: Values) {
    const edited = fieldsOf(v);
    const reason = needsReason(edited.status) ? text(v.statusOverrideReason) : undefined;
    const outcome = await dialog.saveChanges(before, edited, {
      check: (changes) =>
        errors.check(
          updateCustomerInput,
          { ...changes, ...(reason ? { statusOverrideReason: reason } : {}), version: before.version },
          'customers',
        ),
      save: (body) => updateCustomer(queryClient, before.id, body),
      reload: () => reloadCustomer(queryClient, before.id),
    });
    dialog.finish(outcome);
  }

  const submit = () => dialog.submit((v, before) => (before ? update(before, v) : create(v)));

  return (
    <EditDialog
      dialog={dialog}
      title={read ? t('customerEdit.editCustomer') : t('customers.add')}
      initialValues={dialog.initialValues({ class: 'new', status: 'lead' })}
      onSave={submit}
    >
      <Field {...dialog.field} label={t('customers.name')} name="name" required>
        <Input ref={dialog.firstField.ref} autoFocus />
      </Field>
      <Field {...dialog.field} label={t('customers.company')} name="company">
        <Input />
      </Field>
      <Field {...dialog.field} label={t('common.city')} name="city">
        <Input />
      </Field>
      <Field {...dialog.field} label={t('customers.market')} name="marketId">
        <Select allowClear loading={markets.isPending} options={marketOptions} />
      </Field>
      <Field {...dialog.field} label={t('customers.class')} name="class">
        <Select options={CUSTOMER_CLASSES.map((c) => ({ value: c, label: t(`classes.${c}`) }))} />
      </Field>
      <Field {...dialog.field} label={t('common.status')} name="status">
        <Select options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
      </Field>
      <Form.Item noStyle dependencies={['status']}>
        {({ getFieldValue }) =>
          needsReason(getFieldValue('status')) ? (
            <Field errors={errors} label={t('customerEdit.overrideReason')} name="statusOverrideReason">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
            </Field>
          ) : null
        }
      </Form.Item>
      <Field {...dialog.field} label={t('customers.owner')} name="ownerId">
        <Select allowClear loading={members.isPending} options={ownerOptions} />
      </Field>
      <Field {...dialog.field} label={t('common.notes')} name="notes">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Field>
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </EditDialog>
  );
}
