import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productSpecSchema, validateProductSpec } from '../../../shared/product';
import { productSite, sampleSpec } from '../../../tests/helpers/products';

/** Each bad spec and the error it must get: the field's path and the reason. */
const badSpecs: Array<[string, unknown, { path: string; message: RegExp }]> = [
  ['missing slug', { ...sampleSpec, slug: undefined }, { path: 'slug', message: /is required/ }],
  ['slug with capitals', { ...sampleSpec, slug: 'Ascend' }, { path: 'slug', message: /kebab-case/ }],
  ['slug with a double hyphen', { ...sampleSpec, slug: 'a--b' }, { path: 'slug', message: /kebab-case/ }],
  ['slug with a path', { ...sampleSpec, slug: '../evil' }, { path: 'slug', message: /kebab-case/ }],
  ['empty name', { ...sampleSpec, name: '  ' }, { path: 'name', message: /must not be empty/ }],
  ['price as text', { ...sampleSpec, price: '17' }, { path: 'price', message: /must be a number/ }],
  ['zero price', { ...sampleSpec, price: 0 }, { path: 'price', message: /greater than 0/ }],
  ['negative price', { ...sampleSpec, price: -5 }, { path: 'price', message: /greater than 0/ }],
  ['three decimals', { ...sampleSpec, price: 19.999 }, { path: 'price', message: /at most two decimals/ }],
  ['missing description', { ...sampleSpec, description: undefined }, { path: 'description', message: /is required/ }],
  ['no tags', { ...sampleSpec, tags: [] }, { path: 'tags', message: /at least one tag/ }],
  ['an empty tag', { ...sampleSpec, tags: ['ok', ' '] }, { path: 'tags.1', message: /must not be empty/ }],
  ['tags as a string', { ...sampleSpec, tags: 'a,b' }, { path: 'tags', message: /list of text/ }],
  ['lowercase currency', { ...sampleSpec, currency: 'usd' }, { path: 'currency', message: /ISO 4217/ }],
  ['unknown status', { ...sampleSpec, status: 'live' }, { path: 'status', message: /draft, ready or launched/ }],
  ['version not semver', { ...sampleSpec, version: 'v1' }, { path: 'version', message: /semantic version/ }],
  ['seo without a title', { ...sampleSpec, seo: { description: 'd', keywords: [] } }, { path: 'seo.title', message: /is required/ }],
  ['gumroad url over http', { ...sampleSpec, gumroad: { url: 'http://gumroad.com/l/x' } }, { path: 'gumroad.url', message: /https/ }],
  ['a misspelt field', { ...sampleSpec, prcie: 17 }, { path: 'prcie', message: /not a known field/ }],
  ['not an object', ['a'], { path: '', message: /JSON object/ }],
];

describe('product spec', () => {
  it.each(badSpecs)('rejects %s, naming the field', (_label, spec, expected) => {
    const result = validateProductSpec(spec);
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({ path: expected.path, message: expect.stringMatching(expected.message) });
  });

  it('accepts the seed example, with defaults for status and version, and two-decimal prices', () => {
    const result = validateProductSpec({ ...sampleSpec, price: 19.99, seo: { title: 'T', description: 'D' }, gumroad: { url: 'https://x.gumroad.com/l/a' } });
    expect(result).toMatchObject({ valid: true, spec: { status: 'draft', version: '1.0.0', price: 19.99, seo: { keywords: [] } } });
    expect(validateProductSpec({ ...sampleSpec, price: 0.1 + 0.2 }).valid).toBe(true);
  });

  it('reports every error at once, not only the first', () => {
    const result = validateProductSpec({ slug: 'X', price: -1, tags: [] });
    expect(result.errors.map((e) => e.path)).toEqual(['slug', 'name', 'price', 'description', 'tags']);
  });
});

describe('spec repository', () => {
  it('creates the spec file and an empty content folder; lists and reads it back', () => {
    const { core, productsDir } = productSite();
    const detail = core.products.create(productSpecSchema.parse(sampleSpec));
    expect(detail.file).toBe(join(productsDir, 'ascend-launch-system.product.json'));
    expect(existsSync(join(productsDir, 'ascend-launch-system'))).toBe(true);
    expect(JSON.parse(readFileSync(detail.file, 'utf8'))).toEqual({ ...sampleSpec, status: 'draft', version: '1.0.0' });
    expect(core.products.list().products).toEqual([expect.objectContaining({ slug: 'ascend-launch-system', valid: true, hasContent: true, version: '1.0.0' })]);
    core.close();
  });

  it('refuses a duplicate slug with CONFLICT and leaves the first spec as it was', async () => {
    const { core, productsDir } = productSite();
    const { createDispatcher } = await import('../../api/dispatcher');
    const api = createDispatcher(core);
    expect(await api.call('products.create', sampleSpec)).toMatchObject({ ok: true });
    const before = readFileSync(join(productsDir, 'ascend-launch-system.product.json'), 'utf8');
    expect(await api.call('products.create', { ...sampleSpec, name: 'Other' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', field: 'slug', message: expect.stringContaining('already exists') },
    });
    expect(readFileSync(join(productsDir, 'ascend-launch-system.product.json'), 'utf8')).toBe(before);
    core.close();
  });

  it('rejects a bad spec through the API naming the field, and writes nothing', async () => {
    const { core, productsDir } = productSite();
    const { createDispatcher } = await import('../../api/dispatcher');
    const result = await createDispatcher(core).call('products.create', { ...sampleSpec, price: 19.999 });
    expect(result).toEqual({ ok: false, error: { code: 'BAD_INPUT', field: 'price', message: 'price: must have at most two decimals' } });
    expect(existsSync(productsDir)).toBe(false);
    core.close();
  });

  it('updates a spec, and validates files on disk: bad JSON, a slug that does not match the file name', () => {
    const { core, productsDir } = productSite();
    core.products.create(productSpecSchema.parse(sampleSpec));
    core.products.update({ ...sampleSpec, price: 27, status: 'ready', version: '1.1.0' });
    expect(core.products.get('ascend-launch-system').spec).toMatchObject({ price: 27, status: 'ready', version: '1.1.0' });

    const file = join(productsDir, 'ascend-launch-system.product.json');
    writeFileSync(file, '{ "slug": ');
    expect(core.products.validate({ slug: 'ascend-launch-system' })).toMatchObject({ valid: false, errors: [{ path: '', message: expect.stringContaining('not valid JSON') }] });
    writeFileSync(file, JSON.stringify({ ...sampleSpec, slug: 'other-name' }));
    expect(core.products.validate({ file }).errors).toEqual([{ path: 'slug', message: 'must match the file name (ascend-launch-system)' }]);
    expect(core.products.list().products[0]).toMatchObject({ valid: false });
    expect(() => core.products.validate({ slug: 'nope' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => core.products.validate({ slug: '../x' })).toThrow(expect.objectContaining({ code: 'BAD_INPUT', field: 'slug' }));
    core.close();
  });
});
