import { describe, expect, it } from 'vitest';
import { unknownLocaleRedirect } from './unknown-locale';

describe('unknownLocaleRedirect: a language the site does not have goes to the default one', () => {
  it('sends an unknown language tag to the same page in English', () => {
    expect(unknownLocaleRedirect('/xx/products/ascend-launch-system')).toBe('/en/products/ascend-launch-system');
    expect(unknownLocaleRedirect('/pt-XX')).toBe('/en');
    expect(unknownLocaleRedirect('/zz/')).toBe('/en');
  });

  it('leaves known languages and paths that are no language tag alone', () => {
    expect(unknownLocaleRedirect('/fr/products/a')).toBeNull();
    expect(unknownLocaleRedirect('/zh-TW')).toBeNull();
    expect(unknownLocaleRedirect('/fil/privacy')).toBeNull();
    expect(unknownLocaleRedirect('/products/a')).toBeNull();
    expect(unknownLocaleRedirect('/')).toBeNull();
  });
});
