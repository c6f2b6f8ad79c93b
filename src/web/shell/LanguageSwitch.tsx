/** Switches between 中文 and English (a button naming the other language). */
import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

/** The language switch. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  return (
    <Button
      icon={<TranslationOutlined aria-hidden />}
      onClick={() => setLanguage(zh ? 'en' : 'zh-CN')}
      lang={zh ? 'en' : 'zh-CN'}
      data-testid="language-switch"
    >
      {t('menu.language')}
    </Button>
  );
}
