import { describe, expect, it } from 'vitest';
import type { UploadRecord } from '../../../../shared/contract/products';
import { checkForm, emptyForm, errorText, fieldForPath, formFromSpec, slugFromName, specFromForm, type ProductFormValues } from './product-form';
import { formatBytes, formatPrice, percentOf, uploadView } from './format';

const good: ProductFormValues = { ...emptyForm, slug: 'ascend-launch-system', name: 'Ascend', price: '19.99', description: 'A kit', tags: 'launch, kit' };

describe('product form', () => {
  it('turns the typed text into the spec the API gets', () => {
    expect(specFromForm(good)).toEqual({
      slug: 'ascend-launch-system',
      name: 'Ascend',
      price: 19.99,
      description: 'A kit',
      tags: ['launch', 'kit'],
      status: 'draft',
      version: '1.0.0',
    });
    const check = checkForm(good);
    expect(check.valid).toBe(true);
    expect(check.spec?.price).toBe(19.99);
  });

  it('names a price with three decimals, as the API would', () => {
    const check = checkForm({ ...good, price: '1.234' });
    expect(check.valid).toBe(false);
    expect(check.errors.price?.map((e) => errorText('price', e))).toEqual(['must have at most two decimals']);
  });

  it('says a non-number price must be a number, and a missing one is required', () => {
    expect(checkForm({ ...good, price: 'abc' }).errors.price?.[0]?.message).toMatch(/must be a number/);
    expect(checkForm({ ...good, price: '' }).errors.price?.[0]?.message).toBe('is required');
  });

  it('puts part errors under their control with the path', () => {
    const check = checkForm({ ...good, tags: `a, ${'x'.repeat(41)}`, slug: 'Bad Slug', seoTitle: 'T', gumroadUrl: 'http://x.test' });
    expect(check.errors.tags?.map((e) => errorText('tags', e))).toEqual(['tags.1: must be at most 40 characters']);
    expect(check.errors.slug?.[0]?.message).toMatch(/kebab-case/);
    expect(check.errors.seoDescription?.map((e) => errorText('seoDescription', e))).toEqual(['must not be empty']);
    expect(check.errors.gumroadUrl?.[0]?.message).toBe('must be an https:// URL');
    expect(checkForm({ ...good, tags: '' }).errors.tags?.[0]?.message).toBe('needs at least one tag');
  });

  it('drops the empty entries of a list: a stray comma is not a tag', () => {
    expect(specFromForm({ ...good, tags: 'a, b,' }).tags).toEqual(['a', 'b']);
    expect(specFromForm({ ...good, tags: 'launch, , ' }).tags).toEqual(['launch']);
    expect(specFromForm({ ...good, seoTitle: 'T', seoDescription: 'D', seoKeywords: ', kit,,' }).seo).toEqual({ title: 'T', description: 'D', keywords: ['kit'] });
    expect(checkForm({ ...good, tags: ' , ,' }).errors.tags?.[0]?.message).toBe('needs at least one tag');
  });

  it('maps error paths to controls', () => {
    expect(fieldForPath('tags.3')).toBe('tags');
    expect(fieldForPath('seo.keywords.0')).toBe('seoKeywords');
    expect(fieldForPath('gumroad')).toBe('gumroadUrl');
    expect(fieldForPath('')).toBeUndefined();
  });

  it('round-trips a spec through the form', () => {
    const spec = checkForm({ ...good, currency: 'EUR', launchDate: '2026-03-14', seoTitle: 'T', seoDescription: 'D', seoKeywords: 'x', gumroadUrl: 'https://g.test/l/a' }).spec!;
    expect(spec.launchDate).toBe('2026-03-14');
    expect(checkForm(formFromSpec(spec)).spec).toEqual(spec);
  });

  it('a launch date that is not a real day is refused under its own control', () => {
    expect(checkForm({ ...good, launchDate: '2026-02-30' }).errors.launchDate?.[0]?.message).toBe('must be a real date');
  });

  it('suggests a kebab-case slug from a name', () => {
    expect(slugFromName('  Ascend Launch Système! ')).toBe('ascend-launch-systeme');
  });
});

describe('format', () => {
  it('prints bytes, prices and percentages', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
    expect(formatPrice(17)).toBe('$17.00');
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(0, 0)).toBe(100);
  });

  it('words the upload states honestly', () => {
    const base: UploadRecord = {
      id: 'u1', slug: 's', version: '1.0.0', sha256: 'x', bytes: 1, zipPath: '/z', status: 'queued', attempts: 0, createdAt: 0, updatedAt: 0,
      plan: { fileName: 'z', mimeType: 'application/zip', bytes: 1, supportsAllDrives: true, permission: { type: 'anyone', role: 'reader' } },
    };
    expect(uploadView(undefined, false).label).toBe('nothing to upload yet');
    expect(uploadView(base, true)).toMatchObject({ label: 'waiting to upload', tone: 'wait' });
    expect(uploadView({ ...base, attempts: 1, lastError: 'no Google Drive credentials' }, true)).toMatchObject({ label: 'waiting to upload', tone: 'warn' });
    expect(uploadView({ ...base, status: 'needs-approval', approvalId: 'ap1' }, true)).toMatchObject({ label: 'waiting for approval', approvalId: 'ap1' });
    expect(uploadView({ ...base, status: 'rejected', lastError: 'approval rejected by ada' }, true)).toMatchObject({ label: 'not approved', detail: 'nothing was sent to Drive: approval rejected by ada' });
    expect(uploadView({ ...base, status: 'done', driveDownloadUrl: 'https://drive.test/d' }, true)).toMatchObject({ label: 'uploaded', link: 'https://drive.test/d' });
    expect(uploadView({ ...base, status: 'failed', lastError: 'quota' }, true)).toMatchObject({ label: 'failed', detail: 'quota' });
  });
});
