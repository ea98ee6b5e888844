import { type Language, languages } from '@relata/domain';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nb from './nb.json';
import ru from './ru.json';
import sv from './sv.json';

const storageKey = 'relata.language';

export const languageNames: Record<Language, string> = {
  en: 'English',
  sv: 'Svenska',
  nb: 'Norsk bokmål',
  ru: 'Русский',
};

function isLanguage(value: string | null | undefined): value is Language {
  return value != null && (languages as readonly string[]).includes(value);
}

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  if (isLanguage(stored)) return stored;
  const browser = typeof navigator === 'undefined' ? undefined : navigator.language.slice(0, 2);
  if (browser === 'no' || browser === 'nn') return 'nb';
  return isLanguage(browser) ? browser : 'en';
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export function initI18n(): typeof i18n {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  void i18n.use(initReactI18next).init({
    resources: {
      en: { translation: en },
      sv: { translation: sv },
      nb: { translation: nb },
      ru: { translation: ru },
    },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}
