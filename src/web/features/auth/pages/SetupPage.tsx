/** First run: creates the workspace and its manager, then signs in. */
import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { initWorkspaceInput } from '../../../../contract/auth.js';
import { Field, FormAlert, SubmitButton, useFormErrors, useSubmit } from '../../../lib/forms';
import { navigate } from '../../../lib/router';
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
    const checked = errors.check(initWorkspaceInput, input, 'setup');
    if (!checked) return;
    await submitting.run(async () => {
      await setUp(input);
      await login(checked.manager.email, values.password);
      await queryClient.invalidateQueries({ queryKey: authKeys.me });
      navigate('/plan', true);
    });
  }

  return (
    <AuthFrame title={t('auth.setupTitle')}>
      <Typography.Paragraph type="secondary">{t('auth.setupIntro')}</Typography.Paragraph>
      <FormAlert message={errors.general} />
      <Form<SetupValues> layout="vertical" onFinish={submit} requiredMark={false}>
        <Field errors={errors} path="workspace.name" label={t('auth.workspaceName')} name="workspaceName">
          <Input autoFocus autoComplete="organization" />
        </Field>
        <Field errors={errors} path="manager.name" label={t('auth.managerName')} name="name">
          <Input autoComplete="name" />
        </Field>
        <Field errors={errors} path="manager.email" label={t('common.email')} name="email">
          <Input type="email" autoComplete="email" />
        </Field>
        <Field errors={errors} path="manager.password" label={t('auth.password')} name="password">
          <Input.Password autoComplete="new-password" />
        </Field>
        <SubmitButton busy={submitting.busy}>{t('auth.setupSubmit')}</SubmitButton>
      </Form>
    </AuthFrame>
  );
}
