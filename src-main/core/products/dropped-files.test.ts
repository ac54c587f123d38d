import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { productSpecSchema } from '../../../shared/product';
import { filePartMaxBytes } from '../../../shared/product-files';
import { greyPng } from '../../../tests/helpers/png';
import { productSite, sampleSpec } from '../../../tests/helpers/products';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { treeSnapshot } from '../../../tests/helpers/tree-snapshot';
import { createDispatcher } from '../../api/dispatcher';

const slug = sampleSpec.slug;
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function site() {
  const s = productSite();
  cleanups.push(() => s.core.close());
  s.core.products.create(productSpecSchema.parse(sampleSpec));
  const api = createDispatcher(s.core);
  // as the page calls it: over HTTP, the bytes as base64
  const put = (name: string, bytes: Buffer | string, part: { offset?: number; size?: number } = {}) => {
    const data = Buffer.from(bytes);
    return api.call('products.putContentFile', { slug, name, size: part.size ?? data.length, offset: part.offset ?? 0, data: data.toString('base64') }, { transport: 'http' });
  };
  const putImage = (slot: string, bytes: Buffer, part: { offset?: number; size?: number } = {}) =>
    api.call('products.putOmegaImage', { slug, slot, size: part.size ?? bytes.length, offset: part.offset ?? 0, data: bytes.toString('base64') }, { transport: 'http' });
  const contentDir = join(s.productsDir, slug);
  const omegaDir = join(s.siteDir, 'public', 'assets', 'Levqor-Omega-Empire-Pack', 'products', slug);
  return { ...s, api, put, putImage, contentDir, omegaDir };
}

/** Temps anywhere under `dir` (the part writer's or anyone's). */
function temps(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.tmp'));
}

describe('files dropped into a product', () => {
  it('writes a file into the content folder under its relative name, folders included, and the compile ships it', async () => {
    const { core, put, contentDir, api } = site();
    expect(await put('guide.md', '# Guide\n')).toEqual({ ok: true, value: { name: 'guide.md', received: 8, size: 8, done: true } });
    expect(await put('chapters/01 intro.md', 'one')).toMatchObject({ ok: true, value: { done: true } });
    expect(readFileSync(join(contentDir, 'chapters', '01 intro.md'), 'utf8')).toBe('one');
    expect(await api.call('products.contentFiles', { slug }, { transport: 'http' })).toEqual({
      ok: true,
      value: { contentDir, files: [{ name: 'chapters/01 intro.md', bytes: 3 }, { name: 'guide.md', bytes: 8 }], problems: [] },
    });
    const compiled = await core.products.compile(slug, { upload: false });
    expect(compiled.entries).toBe(2);
    // a second drop of the same name replaces the file
    await put('guide.md', '# Guide v2\n');
    expect(readFileSync(join(contentDir, 'guide.md'), 'utf8')).toBe('# Guide v2\n');
  });

  it('takes a large file in parts: nothing is in place until the last part, a part out of order is refused', async () => {
    const { put, contentDir, productsDir } = site();
    const big = Buffer.alloc(filePartMaxBytes * 2 + 10, 7);
    const parts = [big.subarray(0, filePartMaxBytes), big.subarray(filePartMaxBytes, 2 * filePartMaxBytes), big.subarray(2 * filePartMaxBytes)];
    expect(await put('book.pdf', parts[0]!, { size: big.length })).toMatchObject({ ok: true, value: { received: filePartMaxBytes, done: false } });
    expect(existsSync(join(contentDir, 'book.pdf'))).toBe(false);
    expect(temps(contentDir)).toEqual([]); // the temp waits outside the folder a compile reads
    expect(temps(productsDir)).toHaveLength(1);
    expect(await put('book.pdf', parts[2]!, { offset: 2 * filePartMaxBytes, size: big.length })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'offset', message: `offset: ${2 * filePartMaxBytes} is not where this file stands; send byte ${filePartMaxBytes}` },
    });
    await put('book.pdf', parts[1]!, { offset: filePartMaxBytes, size: big.length });
    expect(await put('book.pdf', parts[2]!, { offset: 2 * filePartMaxBytes, size: big.length })).toMatchObject({ ok: true, value: { received: big.length, done: true } });
    expect(readFileSync(join(contentDir, 'book.pdf')).equals(big)).toBe(true);
    expect(temps(productsDir)).toEqual([]);
  });

  it.each([
    ['../escape.txt', 'must be a name inside the product’s folder: no "..", "." or empty part between slashes'],
    ['chapters/../../escape.txt', 'no ".."'],
    ['/etc/passwd', 'not a path of this machine'],
    ['C:/Windows/evil.dll', 'not a path of this machine'],
    ['a\\..\\b.txt', 'backslash'],
    ['notes:2.txt', 'colon'],
    ['chapters//x.md', 'empty part'],
    ['./x.md', '"."'],
    [`${slug}.product.json`, 'must not end with .product.json'],
    ['nested/other.PRODUCT.JSON', 'must not end with .product.json'],
  ])('refuses the name %j, naming the field and the rule, and writes nothing', async (name, rule) => {
    const { put, siteDir } = site();
    const before = treeSnapshot(siteDir);
    const answer = await put(name, 'x');
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'name', message: expect.stringContaining(rule) } });
    expect(treeSnapshot(siteDir)).toEqual(before);
  });

  it('refuses a name that leads through a link out of the content folder, and writes nothing outside', async () => {
    const { put, contentDir } = site();
    const outside = tempDir('levqor-outside-');
    writeFileSync(join(outside, 'secret.txt'), 'keep');
    symlinkSync(outside, join(contentDir, 'shared'));
    symlinkSync(join(outside, 'secret.txt'), join(contentDir, 'leak.txt'));
    for (const name of ['shared/evil.txt', 'leak.txt']) {
      const answer = await put(name, 'overwritten');
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'name', message: expect.stringContaining(`outside the product's content folder`) } });
    }
    expect(readdirSync(outside)).toEqual(['secret.txt']);
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('keep');
  });

  it('refuses an unknown product, a name that is a folder, a part past the size, and a part larger than a call may carry', async () => {
    const { put, api, contentDir } = site();
    mkdirSync(join(contentDir, 'chapters'));
    expect(await put('chapters', 'x')).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } });
    expect(await api.call('products.putContentFile', { slug: 'no-such-kit', name: 'a.md', size: 1, offset: 0, data: 'eA==' }, { transport: 'http' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await put('a.md', 'four', { size: 2 })).toMatchObject({ ok: false, error: { field: 'data', message: "data: this part ends at byte 4, past the file's size (2)" } });
    const tooBig = Buffer.alloc(filePartMaxBytes + 3).toString('base64');
    expect(await api.call('products.putContentFile', { slug, name: 'a.bin', size: filePartMaxBytes + 3, offset: 0, data: tooBig }, { transport: 'http' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'data', message: expect.stringContaining('at most 524288 bytes (512 KiB) per call') },
    });
    expect(await api.call('products.putContentFile', { slug, name: 'a.bin', size: 2 ** 31, offset: 0, data: 'eA==' }, { transport: 'http' })).toMatchObject({ ok: false, error: { field: 'size' } });
    expect(await api.call('products.putContentFile', { slug, name: 'a.bin', size: 1, offset: 0, data: 'not base64!' }, { transport: 'http' })).toMatchObject({ ok: false, error: { field: 'data', message: 'data: must be base64' } });
    expect(readdirSync(contentDir)).toEqual(['chapters']);
  });
});

describe('PNGs dropped into Omega slots', () => {
  it('writes a real PNG into its slot, creates the Omega folders if need be, and says its size against the slot\'s', async () => {
    const { core, putImage, omegaDir, api } = site();
    const answer = await putImage('Product-Cover/cover-01.png', greyPng(1280, 720));
    expect(answer).toMatchObject({
      ok: true,
      value: { slot: 'Product-Cover/cover-01.png', done: true, image: { present: true, png: true, width: 1280, height: 720, expectedWidth: 1280, expectedHeight: 720 } },
    });
    expect((answer as { value: { image: object } }).value.image).not.toHaveProperty('sizeNote');
    expect(existsSync(join(omegaDir, 'manifest.json'))).toBe(true);
    const small = await putImage('Thumbnails/thumbnail-02.png', greyPng(300, 200));
    expect(small).toMatchObject({ ok: true, value: { image: { png: true, sizeNote: 'is 300×200; the slot is made for 600×600' } } });
    expect(core.products.checklist(slug)).toMatchObject({ filled: 2 });
    const preview = await api.call('products.omegaImage', { slug, slot: 'Product-Cover/cover-01.png' }, { transport: 'http' });
    expect(preview).toMatchObject({ ok: true, value: { width: 1280, height: 720, data: greyPng(1280, 720).toString('base64') } });
    expect(await api.call('products.omegaImage', { slug, slot: 'Product-Cover/cover-02.png' }, { transport: 'http' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'slot' } });
  });

  it('refuses what is not a PNG, a damaged PNG, and a slot that does not exist; the slot keeps what it had', async () => {
    const { putImage, omegaDir, api } = site();
    await putImage('Product-Cover/cover-01.png', greyPng(1280, 720));
    const slotFile = join(omegaDir, 'Product-Cover', 'cover-01.png');
    const before = readFileSync(slotFile);
    expect(await putImage('Product-Cover/cover-01.png', Buffer.from('GIF89a not a png'))).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'data', message: 'data: is not a PNG (wrong signature); an Omega slot takes a PNG' },
    });
    const damaged = Buffer.concat([greyPng(10, 10).subarray(0, 8), Buffer.from('garbage garbage garbage')]);
    expect(await putImage('Product-Cover/cover-01.png', damaged)).toMatchObject({ ok: false, error: { field: 'data', message: 'data: is a damaged PNG (no IHDR header); an Omega slot takes a PNG' } });
    expect(readFileSync(slotFile).equals(before)).toBe(true);
    expect(temps(omegaDir)).toEqual([]);
    for (const slot of ['Product-Cover/cover-04.png', '../../../escape.png', 'manifest.json']) {
      expect(await putImage(slot, greyPng(4, 4))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'slot' } });
    }
    expect(await api.call('products.omegaImage', { slug, slot: '../cover.png' }, { transport: 'http' })).toMatchObject({ ok: false, error: { field: 'slot' } });
  });

  it('refuses a slot folder that links out of the Omega folder', async () => {
    const { putImage, omegaDir } = site();
    await putImage('Product-Cover/cover-01.png', greyPng(4, 4));
    const outside = tempDir('levqor-outside-');
    rmSync(join(omegaDir, 'Hero-Banners'), { recursive: true });
    symlinkSync(outside, join(omegaDir, 'Hero-Banners'));
    expect(await putImage('Hero-Banners/hero-01.png', greyPng(4, 4))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'slot', message: expect.stringContaining("outside the product's Omega folder") } });
    expect(readdirSync(outside)).toEqual([]);
  });
});
