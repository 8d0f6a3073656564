import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-cn';

export const LANGUAGES = { en: 'English', 'zh-CN': '简体中文' } as const;
export type Language = keyof typeof LANGUAGES;

const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** A chosen language is kept in the browser: a preference, nothing secret. */
const LANGUAGE_STORAGE_KEY = 'alert-hub.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
  if (stored !== null && stored in LANGUAGES) return stored as Language;
  return navigator.languages.some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** The nouns counted with a plural form: each has `count.<noun>.one` and `count.<noun>.other`. */
export type CountedNoun = MessageKey extends infer Key
  ? Key extends `count.${infer Noun}.one`
    ? Noun
    : never
  : never;

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  /** The message in the current language, `{name}` replaced by `values.name`. */
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** A time in the browser's time zone, with the zone named. */
  formatTime: (iso: string | null | undefined) => string;
  formatNumber: (value: number) => string;
  /** `count` of a noun, in the plural form the language takes for it ("1 event", "2 events"). */
  count: (noun: CountedNoun, count: number) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const i18n = useMemo<I18n>(() => {
    const messages = MESSAGES[language];
    const times = new Intl.DateTimeFormat(language, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'short',
    });
    const numbers = new Intl.NumberFormat(language);
    const plurals = new Intl.PluralRules(language);
    const t: I18n['t'] = (key, values = {}) =>
      messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in values ? String(values[name]) : whole,
      );
    return {
      language,
      setLanguage(next) {
        localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
        setLanguageState(next);
      },
      t,
      formatTime: (iso) => (iso ? times.format(new Date(iso)) : '—'),
      formatNumber: (value) => numbers.format(value),
      count: (noun, count) =>
        t(`count.${noun}.${plurals.select(count) === 'one' ? 'one' : 'other'}`, {
          count: numbers.format(count),
        }),
    };
  }, [language]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === undefined) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
