import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { localeNames, locales, textDirection } from './locales';

const messagesDir = join(__dirname, '..', '..', 'messages');

function flatten(tree: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      value !== null && typeof value === 'object' ? Object.entries(flatten(value as Record<string, unknown>, `${prefix}${key}.`)) : [[`${prefix}${key}`, value]],
    ),
  );
}

function messagesOf(locale: string): Record<string, unknown> {
  return flatten(JSON.parse(readFileSync(join(messagesDir, `${locale}.json`), 'utf8')) as Record<string, unknown>);
}

type Ast = ReturnType<IntlMessageFormat['getAst']>;

/** The ICU arguments a message uses ({name}, {price}), nested ones included. */
function argumentsOf(ast: Ast): string[] {
  return ast.flatMap((el) => {
    const own = 'value' in el && el.type !== 0 && el.type !== 8 ? [String(el.value)] : [];
    const nested = 'options' in el ? Object.values(el.options).flatMap((o) => argumentsOf(o.value)) : [];
    const children = 'children' in el ? argumentsOf(el.children) : [];
    return [...own, ...nested, ...children];
  });
}

const english = messagesOf('en');

describe('site messages: 40 languages, every key, no broken placeholder', () => {
  it('has exactly the 40 languages of the site, each with its file and nothing else', () => {
    expect(locales).toHaveLength(40);
    expect(new Set(locales).size).toBe(40);
    const files = readdirSync(messagesDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
    expect(files.sort()).toEqual([...locales].sort());
    expect(locales.every((l) => localeNames[l].trim() !== '')).toBe(true);
  });

  it('lays out Arabic, Hebrew, Persian and Urdu right to left and no other language', () => {
    expect(locales.filter((l) => textDirection(l) === 'rtl').sort()).toEqual(['ar', 'fa', 'he', 'ur']);
  });

  for (const locale of locales) {
    it(`${locale}: every key of English, no other key, each a valid ICU message with English's placeholders`, () => {
      const messages = messagesOf(locale);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      for (const [key, value] of Object.entries(messages)) {
        expect(typeof value === 'string' && value.trim() !== '', `${locale} ${key} must be non-empty text`).toBe(true);
        const ast = new IntlMessageFormat(value as string, locale).getAst();
        const expected = argumentsOf(new IntlMessageFormat(english[key] as string, 'en').getAst());
        expect(argumentsOf(ast).sort(), `${locale} ${key} placeholders`).toEqual(expected.sort());
      }
    });
  }

  it('is a real translation: no language but English repeats the English title and lead', () => {
    for (const locale of locales.filter((l) => l !== 'en')) {
      const messages = messagesOf(locale);
      expect(messages['home.title'], locale).not.toBe(english['home.title']);
      expect(messages['home.lead'], locale).not.toBe(english['home.lead']);
    }
  });
});
