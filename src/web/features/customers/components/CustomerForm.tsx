/** The "new customer" dialog: validated with the server's schema, server errors shown by the fields. */
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_CLASSES,
  CUSTOMER_STATUSES,
  createCustomerInput,
} from '../../../../app/customers/customer-schema.js';
import { currentLang } from '../../../lib/format';
import { FormAlert, useFormErrors } from '../../../lib/forms';
import { navigate } from '../../../lib/router';
import { validate } from '../../../lib/validate';
import { createCustomer, useMarkets, useMembers } from '../api/customers-api';

interface Values {
  name?: string;
  company?: string;
  city?: string;
  marketId?: string;
  class?: string;
  status?: string;
  ownerId?: string;
}

/** Empty text → absent, so optional fields are not sent as "". */
function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The dialog; `onClose` when done or cancelled. */
export function CustomerForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);
  const markets = useMarkets();
  const members = useMembers();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  async function submit() {
    const v = form.getFieldsValue();
    errors.clear();
    const input = {
      name: v.name ?? '',
      company: text(v.company),
      city: text(v.city),
      marketId: v.marketId,
      class: v.class,
      status: v.status,
      ownerId: v.ownerId,
    };
    const checked = validate(createCustomerInput, JSON.parse(JSON.stringify(input)), currentLang());
    if (!checked.ok) return errors.setFields(checked.fields);
    setBusy(true);
    try {
      const created = await createCustomer(checked.data);
      await queryClient.invalidateQueries({ queryKey: ['customers'] });
      message.success(t('common.saved'));
      form.resetFields();
      onClose();
      navigate(`/customers/${created.id}`);
    } catch (error) {
      errors.fromError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('customers.add')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <FormAlert message={errors.general} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ class: 'new', status: 'lead' }}>
        <Form.Item label={t('customers.name')} name="name" required {...errors.item('name')}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item label={t('customers.company')} name="company" {...errors.item('company')}>
          <Input />
        </Form.Item>
        <Form.Item label={t('customers.city')} name="city" {...errors.item('city')}>
          <Input />
        </Form.Item>
        <Form.Item label={t('customers.market')} name="marketId" {...errors.item('marketId')}>
          <Select
            allowClear
            loading={markets.isPending}
            options={(markets.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
        <Form.Item label={t('customers.class')} name="class" {...errors.item('class')}>
          <Select options={CUSTOMER_CLASSES.map((c) => ({ value: c, label: t(`classes.${c}`) }))} />
        </Form.Item>
        <Form.Item label={t('customers.status')} name="status" {...errors.item('status')}>
          <Select options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
        </Form.Item>
        <Form.Item label={t('customers.owner')} name="ownerId" {...errors.item('ownerId')}>
          <Select
            allowClear
            loading={members.isPending}
            options={(members.data?.members ?? [])
              .filter((m) => m.role !== 'assistant')
              .map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
