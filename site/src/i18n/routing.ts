import { defineRouting } from 'next-intl/routing';
import { defaultLocale, locales } from './locales';

// every page carries its locale in the path; a first visit to "/" goes to the browser's language
export const routing = defineRouting({ locales, defaultLocale, localePrefix: 'always', localeDetection: true });
