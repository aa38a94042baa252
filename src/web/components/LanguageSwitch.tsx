import { TranslationOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types';
import { useLanguage } from '../features/auth/api';
import { LOCALES } from '../i18n';

/** Language picker for places outside the user menu (the login page). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLanguage();
  return (
    <Select<Locale>
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={locale}
      onChange={setLocale}
      prefix={<TranslationOutlined />}
      style={{ minWidth: 150 }}
      options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
    />
  );
}
