/** Adding a contact to a customer. */
import { useQueryClient } from '@tanstack/react-query';
import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_ROLES, createContactInput } from '../../../../app/contacts/contact-schema.js';
import { currentLang } from '../../../lib/format';
import { FormAlert, useFormErrors } from '../../../lib/forms';
import { validate } from '../../../lib/validate';
import { createContact } from '../api/customers-api';

interface Values {
  name?: string;
  title?: string;
  phone?: string;
  email?: string;
  role?: string;
  kpConfirmed?: boolean;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The dialog. */
export function ContactForm({
  customerId,
  open,
  onClose,
}: {
  customerId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();

  async function submit() {
    const v = form.getFieldsValue();
    errors.clear();
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
    const checked = validate(createContactInput, input, currentLang());
    if (!checked.ok) return errors.setFields(checked.fields);
    setBusy(true);
    try {
      await createContact(checked.data);
      await queryClient.invalidateQueries({ queryKey: ['contacts', customerId] });
      form.resetFields();
      onClose();
    } catch (error) {
      errors.fromError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('customers.addContact')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <FormAlert message={errors.general} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={t('customers.contactName')} name="name" required {...errors.item('name')}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item label={t('customers.contactTitle')} name="title" {...errors.item('title')}>
          <Input />
        </Form.Item>
        <Form.Item label={t('customers.phone')} name="phone" {...errors.item('phone')}>
          <Input type="tel" />
        </Form.Item>
        <Form.Item label={t('customers.email')} name="email" {...errors.item('email')}>
          <Input type="email" />
        </Form.Item>
        <Form.Item label={t('customers.role')} name="role" {...errors.item('role')}>
          <Select
            allowClear
            options={CONTACT_ROLES.map((r) => ({ value: r, label: t(`contactRoles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="kpConfirmed" valuePropName="checked">
          <Checkbox>{t('customers.kp')}</Checkbox>
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
