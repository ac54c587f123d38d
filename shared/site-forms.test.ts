import { describe, expect, it } from 'vitest';
import { dataRequestFormSchema, dfyBudgetMax, dfyRequestFormSchema, formFieldErrors, formFieldLimits, leadFormSchema } from './site-forms';

const errorsOf = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : formFieldErrors(result.error as never);
};

// an address of exactly n characters
const emailOfLength = (n: number) => `${'a'.repeat(n - '@example.com'.length)}@example.com`;

const lead = { email: 'ada@example.com', consent: true, locale: 'en' };
const dfy = { name: 'Ada', email: 'ada@example.com', message: 'A launch page', consent: true, locale: 'pt-BR' };
const dataRequest = { email: 'ada@example.com', kind: 'erase', law: 'ccpa', confirm: true, locale: 'ar' };

describe('site forms: the same rules in the browser and on the server', () => {
  it('a lead needs a plausible email of at most 254 characters', () => {
    expect(errorsOf(leadFormSchema, lead)).toEqual([]);
    expect(errorsOf(leadFormSchema, { ...lead, email: emailOfLength(formFieldLimits.email) })).toEqual([]);
    expect(errorsOf(leadFormSchema, { ...lead, email: emailOfLength(formFieldLimits.email + 1) })).toEqual([{ field: 'email', code: 'tooLong' }]);
    for (const email of ['', 'ada', 'ada@example', 'ada @example.com', 'ada@@example.com', 'ada@example..com']) {
      expect(errorsOf(leadFormSchema, { ...lead, email })).toEqual([{ field: 'email', code: 'email' }]);
    }
  });

  it('no lead without consent: a missing or false box is refused', () => {
    expect(errorsOf(leadFormSchema, { ...lead, consent: false })).toEqual([{ field: 'consent', code: 'consent' }]);
    const { consent: _, ...noConsent } = lead;
    expect(errorsOf(leadFormSchema, noConsent)).toEqual([{ field: 'consent', code: 'consent' }]);
  });

  it('UTM values up to 200 characters; an unknown UTM key or form field refuses the post', () => {
    const at = 'x'.repeat(formFieldLimits.utm);
    expect(leadFormSchema.parse({ ...lead, utm: { source: at, medium: 'email' } }).utm).toEqual({ source: at, medium: 'email' });
    expect(errorsOf(leadFormSchema, { ...lead, utm: { campaign: `${at}x` } })).toEqual([{ field: 'utm.campaign', code: 'tooLong' }]);
    expect(errorsOf(leadFormSchema, { ...lead, utm: { gclid: '1' } })).toEqual([{ field: 'form', code: 'invalid' }]);
    expect(errorsOf(leadFormSchema, { ...lead, admin: true })).toEqual([{ field: 'form', code: 'invalid' }]);
    expect(leadFormSchema.parse(lead).utm).toEqual({});
  });

  it('a lead names its product by slug and its language as a locale', () => {
    expect(errorsOf(leadFormSchema, { ...lead, product: 'ascend-launch-system' })).toEqual([]);
    expect(errorsOf(leadFormSchema, { ...lead, product: '../etc' })).toEqual([{ field: 'product', code: 'invalid' }]);
    expect(errorsOf(leadFormSchema, { ...lead, locale: 'zh-TW' })).toEqual([]);
    expect(errorsOf(leadFormSchema, { ...lead, locale: 'english' })).toEqual([{ field: 'locale', code: 'invalid' }]);
  });

  it('a DFY request: name and message required and bounded, company optional, budget a whole amount up to the maximum', () => {
    expect(errorsOf(dfyRequestFormSchema, dfy)).toEqual([]);
    expect(dfyRequestFormSchema.parse(dfy).budget).toBeNull();
    expect(errorsOf(dfyRequestFormSchema, { ...dfy, name: '  ' })).toEqual([{ field: 'name', code: 'required' }]);
    expect(errorsOf(dfyRequestFormSchema, { ...dfy, name: 'n'.repeat(formFieldLimits.name) })).toEqual([]);
    expect(errorsOf(dfyRequestFormSchema, { ...dfy, name: 'n'.repeat(formFieldLimits.name + 1) })).toEqual([{ field: 'name', code: 'tooLong' }]);
    expect(errorsOf(dfyRequestFormSchema, { ...dfy, message: 'm'.repeat(formFieldLimits.message) })).toEqual([]);
    expect(errorsOf(dfyRequestFormSchema, { ...dfy, message: 'm'.repeat(formFieldLimits.message + 1) })).toEqual([{ field: 'message', code: 'tooLong' }]);
    expect(errorsOf(dfyRequestFormSchema, { ...dfy, message: '' })).toEqual([{ field: 'message', code: 'required' }]);
    expect(errorsOf(dfyRequestFormSchema, { ...dfy, company: 'c'.repeat(formFieldLimits.company + 1) })).toEqual([{ field: 'company', code: 'tooLong' }]);
    expect(errorsOf(dfyRequestFormSchema, { ...dfy, tier: 't'.repeat(formFieldLimits.tier + 1) })).toEqual([{ field: 'tier', code: 'tooLong' }]);
    expect(errorsOf(dfyRequestFormSchema, { ...dfy, budget: dfyBudgetMax })).toEqual([]);
    expect(errorsOf(dfyRequestFormSchema, { ...dfy, budget: 0 })).toEqual([]);
    for (const budget of [dfyBudgetMax + 1, -1, 12.5, Number.NaN, '500']) {
      expect(errorsOf(dfyRequestFormSchema, { ...dfy, budget })).toEqual([{ field: 'budget', code: 'budget' }]);
    }
    expect(errorsOf(dfyRequestFormSchema, { ...dfy, consent: false, email: 'x' })).toEqual([
      { field: 'email', code: 'email' },
      { field: 'consent', code: 'consent' },
    ]);
  });

  it('a data request: export, erase or do-not-sell under GDPR or CCPA, confirmed by the person', () => {
    expect(errorsOf(dataRequestFormSchema, dataRequest)).toEqual([]);
    for (const kind of ['export', 'erase', 'do-not-sell']) expect(errorsOf(dataRequestFormSchema, { ...dataRequest, kind })).toEqual([]);
    expect(errorsOf(dataRequestFormSchema, { ...dataRequest, kind: 'delete' })).toEqual([{ field: 'kind', code: 'choice' }]);
    expect(errorsOf(dataRequestFormSchema, { ...dataRequest, law: 'lgpd' })).toEqual([{ field: 'law', code: 'choice' }]);
    expect(errorsOf(dataRequestFormSchema, { ...dataRequest, confirm: false })).toEqual([{ field: 'confirm', code: 'confirm' }]);
    expect(errorsOf(dataRequestFormSchema, { ...dataRequest, email: 'nobody' })).toEqual([{ field: 'email', code: 'email' }]);
  });
});
