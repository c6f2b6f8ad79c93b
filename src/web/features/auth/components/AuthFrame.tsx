/** The centred frame of the sign-in and set-up pages, with the language switch, and their card. */
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../shell/LanguageSwitch';

/** Frame around a card titled `title` (the page's heading) holding `children`. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '32px 16px', background: '#f5f5f5' }}>
      <div style={{ width: '100%', maxWidth: 420 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <div>
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t('app.name')}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
          <LanguageSwitch />
        </Flex>
        <main>
          <Card
            title={
              <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
                {title}
              </Typography.Title>
            }
          >
            {children}
          </Card>
        </main>
      </div>
    </Flex>
  );
}
