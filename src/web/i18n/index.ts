import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/types';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
const STORAGE_KEY = 'logicrm.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof enUS };
  }
}

const isLocale = (v: unknown): v is Locale => v === 'zh-CN' || v === 'en-US';

/** The language the user picked on this device, if any. */
export function storedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

function browserLocale(): Locale {
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
  const first = (langs[0] ?? '').toLowerCase();
  return first.startsWith('zh') ? 'zh-CN' : 'en-US';
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'zh-CN';
}

/** Switch the UI language and remember it on this device. */
export async function changeLocale(locale: Locale, remember = true): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode or storage full: the choice still applies to this tab.
    }
  }
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}

const initial = storedLocale() ?? browserLocale();
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { 'en-US': { translation: enUS }, 'zh-CN': { translation: zhCN } },
  lng: initial,
  fallbackLng: 'en-US',
  supportedLngs: LOCALES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
