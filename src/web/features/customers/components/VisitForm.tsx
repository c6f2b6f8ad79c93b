/** Logging a visit to a customer. */
import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createVisitInput } from '../../../../app/visits/visit-schema.js';
import { currentLang } from '../../../lib/format';
import { FormAlert, useFormErrors } from '../../../lib/forms';
import { validate } from '../../../lib/validate';
import { createVisit } from '../api/customers-api';

interface Values {
  visitOn?: Dayjs;
  purpose?: string;
  outcome?: string;
  nextStep?: string;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The dialog. */
export function VisitForm({
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
        visitOn: v.visitOn?.format('YYYY-MM-DD') ?? '',
        purpose: blank(v.purpose),
        outcome: blank(v.outcome),
        nextStep: blank(v.nextStep),
      }),
    ) as unknown;
    const checked = validate(createVisitInput, input, currentLang());
    if (!checked.ok) return errors.setFields(checked.fields);
    setBusy(true);
    try {
      await createVisit(checked.data);
      await queryClient.invalidateQueries({ queryKey: ['visits', customerId] });
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
      title={t('customers.logVisit')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <FormAlert message={errors.general} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ visitOn: dayjs() }}>
        <Form.Item label={t('customers.visitOn')} name="visitOn" required {...errors.item('visitOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('customers.purpose')} name="purpose" {...errors.item('purpose')}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item label={t('customers.outcome')} name="outcome" {...errors.item('outcome')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label={t('customers.nextStep')} name="nextStep" {...errors.item('nextStep')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
