import { useTranslation } from 'react-i18next';

/** Date-time formatting in the current UI language; null or missing becomes the given fallback. */
export function useFormatDateTime(): (iso: string | null | undefined, fallback?: string) => string {
  const { i18n, t } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso, fallback) => {
    if (!iso) return fallback ?? t('common.none');
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : fmt.format(d);
  };
}
