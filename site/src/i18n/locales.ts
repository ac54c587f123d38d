/**
 * The 40 languages of the site, as URL prefixes (BCP 47). Each has messages/<locale>.json with
 * every key of messages/en.json. `name` is the language's own name, shown in the switcher.
 */
export const localeList = [
  { locale: 'en', name: 'English' },
  { locale: 'es', name: 'Español' },
  { locale: 'fr', name: 'Français' },
  { locale: 'de', name: 'Deutsch' },
  { locale: 'pt-BR', name: 'Português (Brasil)' },
  { locale: 'pt-PT', name: 'Português (Portugal)' },
  { locale: 'it', name: 'Italiano' },
  { locale: 'nl', name: 'Nederlands' },
  { locale: 'pl', name: 'Polski' },
  { locale: 'sv', name: 'Svenska' },
  { locale: 'da', name: 'Dansk' },
  { locale: 'nb', name: 'Norsk' },
  { locale: 'fi', name: 'Suomi' },
  { locale: 'cs', name: 'Čeština' },
  { locale: 'sk', name: 'Slovenčina' },
  { locale: 'hu', name: 'Magyar' },
  { locale: 'ro', name: 'Română' },
  { locale: 'bg', name: 'Български' },
  { locale: 'el', name: 'Ελληνικά' },
  { locale: 'tr', name: 'Türkçe' },
  { locale: 'ru', name: 'Русский' },
  { locale: 'uk', name: 'Українська' },
  { locale: 'ar', name: 'العربية' },
  { locale: 'he', name: 'עברית' },
  { locale: 'hi', name: 'हिन्दी' },
  { locale: 'bn', name: 'বাংলা' },
  { locale: 'ur', name: 'اردو' },
  { locale: 'id', name: 'Bahasa Indonesia' },
  { locale: 'ms', name: 'Bahasa Melayu' },
  { locale: 'th', name: 'ไทย' },
  { locale: 'vi', name: 'Tiếng Việt' },
  { locale: 'fil', name: 'Filipino' },
  { locale: 'ja', name: '日本語' },
  { locale: 'ko', name: '한국어' },
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'zh-TW', name: '繁體中文' },
  { locale: 'sw', name: 'Kiswahili' },
  { locale: 'fa', name: 'فارسی' },
  { locale: 'hr', name: 'Hrvatski' },
  { locale: 'sr', name: 'Српски' },
] as const;

export type Locale = (typeof localeList)[number]['locale'];

export const locales = localeList.map((l) => l.locale) as [Locale, ...Locale[]];

export const defaultLocale: Locale = 'en';

const rightToLeft: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur']);

export function textDirection(locale: string): 'rtl' | 'ltr' {
  return rightToLeft.has(locale) ? 'rtl' : 'ltr';
}

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}
