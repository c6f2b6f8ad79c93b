/** Sign-in with email and password (cookie session). */
import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Field, FormAlert, SubmitButton, useFormErrors, useSubmit } from '../../../lib/forms';
import { linkClick, navigate } from '../../../lib/router';
import { login } from '../api/auth-api';
import { authKeys } from '../api/auth-keys';
import { AuthFrame } from '../components/AuthFrame';

/** The sign-in page. */
export function LoginPage() {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const submitting = useSubmit(errors);
  const queryClient = useQueryClient();

  function submit(values: { email?: string; password?: string }) {
    return submitting.run(async () => {
      await login(values.email ?? '', values.password ?? '');
      await queryClient.invalidateQueries({ queryKey: authKeys.me });
      // From /login or /setup to the start page of the role (the app redirects /); elsewhere stay.
      const path = window.location.pathname;
      if (path === '/login' || path === '/setup') navigate('/', true);
    });
  }

  return (
    <AuthFrame title={t('auth.loginTitle')}>
      <FormAlert message={errors.general} />
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Field errors={errors} label={t('common.email')} name="email">
          <Input type="email" autoFocus autoComplete="username" />
        </Field>
        <Field errors={errors} label={t('auth.password')} name="password">
          <Input.Password autoComplete="current-password" />
        </Field>
        <SubmitButton busy={submitting.busy}>{t('auth.loginSubmit')}</SubmitButton>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <a href="/setup" onClick={linkClick('/setup')}>
          {t('auth.setupTitle')}
        </a>
      </Typography.Paragraph>
    </AuthFrame>
  );
}
