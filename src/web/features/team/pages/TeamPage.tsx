/** The team: its members, adding one, the assistants' queues and the sign-in attempts (managers). */
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { InputRef } from 'antd';
import { App, Button, Card, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createMemberInput, type SignInAttempt } from '../../../../contract/auth.js';
import { ApiError } from '../../../lib/api';
import { moneyColumn } from '../../../lib/format';
import { Field, FormAlert, FormDialog, useFirstField, useFormErrors, useSubmit } from '../../../lib/forms';
import { PageHeader } from '../../../lib/PageHeader';
import { customerKeys } from '../../customers/api/customer-keys';
import type { Member } from '../../customers/api/customers-api';
import { usePlanMembers } from '../api/queues-api';
import { addMember, useMembers, useSignInAttempts } from '../api/team-api';
import { AssistantQueues } from '../components/AssistantQueues';

interface Values {
  name?: string;
  email?: string;
  password?: string;
  role?: 'manager' | 'lead' | 'assistant';
  duty?: 'prospecting' | 'after_sales';
  worksFor?: string;
}

/** The team page (managers only: the route table keeps others out). */
export function TeamPage() {
  const { t } = useTranslation();
  const members = useMembers();
  const [adding, setAdding] = useState(false);
  const year = new Date().getFullYear();
  // The saved plan keys each member's annual target by the member's name.
  const plan = usePlanMembers(year);
  const targets = plan.data?.rows[0]?.by ?? {};
  // One unit for the whole target column (format-amount.ts).
  const targetMoney = moneyColumn(Object.values(targets));
  const noPlan = plan.error instanceof ApiError && plan.error.status === 404;
  const names = new Map((members.data?.members ?? []).map((m) => [m.id, m.name]));
  return (
    <Flex vertical gap={16}>
      <Card>
        <PageHeader title={t('team.title')} style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('team.add')}
          </Button>
        </PageHeader>
        <Table<Member>
          scroll={{ x: 'max-content' }}
          rowKey="id"
          loading={members.isPending}
          dataSource={members.data?.members ?? []}
          pagination={false}
          locale={{ emptyText: t('common.empty') }}
          columns={[
            { key: 'name', title: t('team.name'), dataIndex: 'name' },
            { key: 'email', title: t('common.email'), dataIndex: 'email', responsive: ['sm'] },
            { key: 'role', title: t('team.role'), render: (_, m) => <Tag>{t(`roles.${m.role}`)}</Tag> },
            {
              key: 'duty',
              title: t('team.duty'),
              responsive: ['md'],
              render: (_, m) =>
                m.duty
                  ? `${t(`duties.${m.duty}`)}${m.worksFor ? ` · ${names.get(m.worksFor) ?? ''}` : ''}`
                  : '',
            },
            {
              key: 'target',
              title: `${t('plan.yearTarget')} ${year}`,
              align: 'right',
              render: (_, m) => {
                const amount = targets[m.name];
                return amount === undefined ? t('common.none') : targetMoney(amount);
              },
            },
          ]}
        />
        {noPlan ? (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            {t('teamx.noPlan')}
          </Typography.Paragraph>
        ) : plan.isError ? (
          <Typography.Paragraph type="danger" role="alert" style={{ margin: '12px 0 0' }}>
            {plan.error.message}
          </Typography.Paragraph>
        ) : null}
        <MemberForm open={adding} onClose={() => setAdding(false)} members={members.data?.members ?? []} />
      </Card>
      <AssistantQueues members={members.data?.members ?? []} />
      <SignInAttempts members={members.data?.members ?? []} />
    </Flex>
  );
}

/** The sign-in attempts on the team's accounts: guessing at a password is seen, not only slowed. */
function SignInAttempts({ members }: { members: Member[] }) {
  const { t } = useTranslation();
  const attempts = useSignInAttempts();
  const nameOf = new Map(members.map((m) => [m.email, m.name]));
  return (
    <Card title={t('team.attempts')} data-testid="sign-in-attempts">
      <Typography.Paragraph type="secondary">{t('team.attemptsHint')}</Typography.Paragraph>
      <Table<SignInAttempt>
        scroll={{ x: 'max-content' }}
        rowKey={(a) => `${a.at}|${a.email}|${a.address}`}
        loading={attempts.isPending}
        dataSource={attempts.data?.attempts ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { key: 'at', title: t('team.attemptAt'), render: (_, a) => dayjs(a.at).format('YYYY-MM-DD HH:mm') },
          { key: 'who', title: t('team.name'), render: (_, a) => nameOf.get(a.email) ?? a.email },
          { key: 'address', title: t('team.address'), dataIndex: 'address', responsive: ['sm'] },
          {
            key: 'result',
            title: t('team.result'),
            render: (_, a) =>
              a.succeeded ? (
                <Tag color="green">{t('team.succeeded')}</Tag>
              ) : (
                <Tag color="red">{t('team.failed')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

function MemberForm({ open, onClose, members }: { open: boolean; onClose: () => void; members: Member[] }) {
  const firstField = useFirstField<InputRef>();
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const errors = useFormErrors();
  const submitting = useSubmit(errors);
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  async function submit() {
    const v = form.getFieldsValue();
    errors.clear();
    const assistant = v.role === 'assistant';
    const input = JSON.parse(
      JSON.stringify({
        name: v.name ?? '',
        email: v.email ?? '',
        password: v.password ?? '',
        role: v.role,
        duty: assistant ? v.duty : undefined,
        worksFor: assistant ? v.worksFor : undefined,
      }),
    ) as unknown;
    const checked = errors.check(createMemberInput, input, 'members');
    if (!checked) return;
    await submitting.run(async () => {
      await addMember(checked);
      await queryClient.invalidateQueries({ queryKey: customerKeys.members });
      message.success(t('team.added', { name: checked.name }));
      form.resetFields();
      onClose();
    });
  }

  return (
    <FormDialog
      afterOpenChange={firstField.afterOpenChange}
      open={open}
      title={t('team.add')}
      onClose={onClose}
      onSave={submit}
      busy={submitting.busy}
    >
      <FormAlert message={errors.general} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ role: 'lead' }}>
        <Field errors={errors} label={t('team.name')} name="name" required>
          <Input ref={firstField.ref} autoFocus />
        </Field>
        <Field errors={errors} label={t('common.email')} name="email" required>
          <Input type="email" autoComplete="off" />
        </Field>
        <Field errors={errors} label={t('team.password')} name="password" required>
          <Input.Password autoComplete="new-password" />
        </Field>
        <Field errors={errors} label={t('team.role')} name="role">
          <Select
            options={(['manager', 'lead', 'assistant'] as const).map((r) => ({
              value: r,
              label: t(`roles.${r}`),
            }))}
          />
        </Field>
        {role === 'assistant' ? (
          <>
            <Field errors={errors} label={t('team.duty')} name="duty">
              <Select
                options={(['prospecting', 'after_sales'] as const).map((d) => ({
                  value: d,
                  label: t(`duties.${d}`),
                }))}
              />
            </Field>
            <Field errors={errors} label={t('team.worksFor')} name="worksFor">
              <Select
                options={members
                  .filter((m) => m.role === 'lead')
                  .map((m) => ({ value: m.id, label: m.name }))}
              />
            </Field>
          </>
        ) : null}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </FormDialog>
  );
}
