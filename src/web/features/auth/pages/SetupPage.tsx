/** First run: creates the workspace and its manager, then signs in. */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { initWorkspaceInput } from '../../../../contract/auth.js';
import { currentLang } from '../../../lib/format';
import { FormAlert, useFormErrors, useSubmit } from '../../../lib/forms';
import { navigate } from '../../../lib/router';
import { validate } from '../../../lib/validate';
import { login, setUp } from '../api/auth-api';
import { authKeys } from '../api/auth-keys';
import { AuthFrame } from '../components/AuthFrame';

interface SetupValues {
  workspaceName: string;
  name: string;
  email: string;
  password: string;
}

/** The set-up page. */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  const errors = useFormErrors();
  const submitting = useSubmit(errors);
  const queryClient = useQueryClient();

  async function submit(values: SetupValues) {
    errors.clear();
    const input = {
      workspace: {
        name: values.workspaceName ?? '',
        locale: i18n.language.startsWith('zh') ? 'zh-CN' : 'en',
      },
      manager: { name: values.name ?? '', email: values.email ?? '', password: values.password ?? '' },
    } as const;
    const checked = validate(initWorkspaceInput, input, currentLang(), 'setup');
    if (!checked.ok) return errors.setFields(checked.fields);
    await submitting.run(async () => {
      await setUp(input);
      await login(checked.data.manager.email, values.password);
      await queryClient.invalidateQueries({ queryKey: authKeys.me });
      navigate('/plan', true);
    });
  }

  return (
    <AuthFrame>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('auth.setupTitle')}
          </Typography.Title>
        }
      >
        <Typography.Paragraph type="secondary">{t('auth.setupIntro')}</Typography.Paragraph>
        <FormAlert message={errors.general} />
        <Form<SetupValues> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('auth.workspaceName')} name="workspaceName" {...errors.item('workspace.name')}>
            <Input autoFocus autoComplete="organization" />
          </Form.Item>
          <Form.Item label={t('auth.managerName')} name="name" {...errors.item('manager.name')}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item label={t('auth.email')} name="email" {...errors.item('manager.email')}>
            <Input type="email" autoComplete="email" />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" {...errors.item('manager.password')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting.busy} block>
            {t('auth.setupSubmit')}
          </Button>
        </Form>
      </Card>
    </AuthFrame>
  );
}
