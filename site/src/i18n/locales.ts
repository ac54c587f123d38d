/**
 * The 40 languages of the site, as URL prefixes (BCP 47), each with its own name for the switcher.
 * Each has messages/<locale>.json with every key of messages/en.json.
 */
export const localeNames = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  'pt-BR': 'Português (Brasil)',
  'pt-PT': 'Português (Portugal)',
  it: 'Italiano',
  nl: 'Nederlands',
  pl: 'Polski',
  sv: 'Svenska',
  da: 'Dansk',
  nb: 'Norsk',
  fi: 'Suomi',
  cs: 'Čeština',
  sk: 'Slovenčina',
  hu: 'Magyar',
  ro: 'Română',
  bg: 'Български',
  el: 'Ελληνικά',
  tr: 'Türkçe',
  ru: 'Русский',
  uk: 'Українська',
  ar: 'العربية',
  he: 'עברית',
  hi: 'हिन्दी',
  bn: 'বাংলা',
  ur: 'اردو',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
  th: 'ไทย',
  vi: 'Tiếng Việt',
  fil: 'Filipino',
  ja: '日本語',
  ko: '한국어',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  sw: 'Kiswahili',
  fa: 'فارسی',
  hr: 'Hrvatski',
  sr: 'Српски',
} as const;

export type Locale = keyof typeof localeNames;

export const locales = Object.keys(localeNames) as [Locale, ...Locale[]];

export const defaultLocale: Locale = 'en';

const rightToLeft: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur']);

export function textDirection(locale: string): 'rtl' | 'ltr' {
  return rightToLeft.has(locale) ? 'rtl' : 'ltr';
}

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}
