import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { omegaFolders, omegaSlotTotal } from '../../../shared/omega';
import { productSpecSchema } from '../../../shared/product';
import { readZip } from '../../../tests/helpers/read-zip';
import { productSite, sampleSpec, writeContent } from '../../../tests/helpers/products';
import { tempDir } from '../../../tests/helpers/temp-dir';

const slug = sampleSpec.slug;
const pngBytes = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 7)]);

function siteWithProduct(files: Record<string, string | Buffer> = { 'README.md': '# Ascend\n'.repeat(50), 'templates/plan.txt': 'plan\n'.repeat(400), 'cover.png': pngBytes }) {
  const site = productSite();
  site.core.products.create(productSpecSchema.parse(sampleSpec));
  writeContent(site.productsDir, slug, files);
  return site;
}

describe('compile', () => {
  it('zips the content folder reproducibly, writes the site config and the Omega tree', async () => {
    const { core, siteDir } = siteWithProduct();
    const result = await core.products.compile(slug, { upload: false });

    expect(result.zipPath).toBe(join(siteDir, 'dist', 'products', slug, `${slug}-1.0.0.zip`));
    const bytes = readFileSync(result.zipPath);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.bytes).toBe(bytes.length);
    expect(result).toMatchObject({ uploaded: false, entries: 3 });
    expect(result.driveDownloadUrl).toBeUndefined();

    const entries = readZip(result.zipPath);
    expect(entries.map((e) => e.name)).toEqual(['README.md', 'cover.png', 'templates/plan.txt']);
    expect(entries.find((e) => e.name === 'cover.png')?.method).toBe(0); // already compressed: stored
    expect(entries.find((e) => e.name === 'templates/plan.txt')?.method).toBe(8);
    expect(entries.every((e) => e.mode === 0o100644 && e.dosDate === 0x21 && e.dosTime === 0)).toBe(true);
    expect(entries.find((e) => e.name === 'templates/plan.txt')?.data.toString()).toBe('plan\n'.repeat(400));
    expect(core.products.get(slug).lastBuild).toMatchObject({ sha256: result.sha256, version: '1.0.0', entries: 3 });

    const config = JSON.parse(readFileSync(join(siteDir, 'src', 'config', 'products.json'), 'utf8'));
    expect(config).toEqual([
      {
        ...sampleSpec,
        currency: 'USD',
        status: 'draft',
        version: '1.0.0',
        driveDownloadUrl: null,
        coverImage: `/assets/Levqor-Omega-Empire-Pack/products/${slug}/Product-Cover/cover-01.png`,
        thumbnailImage: `/assets/Levqor-Omega-Empire-Pack/products/${slug}/Thumbnails/thumbnail-01.png`,
        heroImage: `/assets/Levqor-Omega-Empire-Pack/products/${slug}/Hero-Banners/hero-01.png`,
      },
    ]);
    const ts = readFileSync(join(siteDir, 'src', 'config', 'products.ts'), 'utf8');
    expect(ts).toContain('export const products: ProductConfig[] = [');
    expect(ts).toContain('"driveDownloadUrl": null');

    expect(result.omegaDir).toBe(join(siteDir, 'public', 'assets', 'Levqor-Omega-Empire-Pack', 'products', slug));
    expect(readdirSync(result.omegaDir).sort()).toEqual([...omegaFolders.map((f) => f.folder), 'manifest.json'].sort());
    const manifest = JSON.parse(readFileSync(join(result.omegaDir, 'manifest.json'), 'utf8'));
    expect(Object.fromEntries(manifest.folders.map((f: { folder: string; files: string[] }) => [f.folder, f.files.length]))).toEqual({
      'Product-Cover': 3,
      Thumbnails: 6,
      'Hero-Banners': 2,
      'Social-Posts': 15,
      'Carousel-Posts': 5,
      'CTA-Cards': 6,
      'Ad-Creatives': 8,
      'Video-Frames': 12,
      'Brand-Geometry-Pack': 13,
    });
    expect(manifest.total).toBe(70);
    expect(omegaSlotTotal).toBe(70);
    core.close();
  });

  it('gives the same sha256, byte for byte, when compiled twice (even with new file times and modes)', async () => {
    const big = randomBytes(3 * 1024 * 1024); // streamed (over 1 MiB), incompressible: stored
    const { core, productsDir } = siteWithProduct({ 'a.txt': 'alpha\n'.repeat(1000), 'data/big.bin': big, 'data/notes.md': 'x'.repeat(2_000_000) });
    const first = await core.products.compile(slug, { upload: false });
    const firstBytes = readFileSync(first.zipPath);
    utimesSync(join(productsDir, slug, 'a.txt'), new Date(2030, 1, 1), new Date(2030, 1, 1));
    chmodSync(join(productsDir, slug, 'data/notes.md'), 0o755);
    const second = await core.products.compile(slug, { upload: false });
    expect(second.sha256).toBe(first.sha256);
    expect(readFileSync(second.zipPath).equals(firstBytes)).toBe(true);
    const entries = readZip(second.zipPath);
    expect(entries.find((e) => e.name === 'data/big.bin')).toMatchObject({ method: 0 });
    expect(entries.find((e) => e.name === 'data/big.bin')?.data.equals(big)).toBe(true);
    expect(entries.find((e) => e.name === 'data/notes.md')?.method).toBe(8);
    // a real unzipper agrees
    const check = spawnSync('unzip', ['-tq', second.zipPath], { encoding: 'utf8' });
    expect(check.stdout).toContain('No errors detected');
    core.close();
  });

  it('reports zip progress as bytes done of total, ending at the total', async () => {
    const { core } = siteWithProduct({ 'big.txt': 'y'.repeat(3_000_000), 'small.txt': 'z' });
    const seen: Array<{ phase: string; bytesDone: number; bytesTotal: number }> = [];
    core.events.subscribe((name, payload) => {
      if (name === 'products.progress') seen.push(payload as never);
    });
    await core.products.compile(slug, { upload: false });
    const zip = seen.filter((p) => p.phase === 'zip');
    expect(zip[0]).toMatchObject({ bytesDone: 0, bytesTotal: 3_000_001 });
    expect(zip.at(-1)).toMatchObject({ bytesDone: 3_000_001, bytesTotal: 3_000_001 });
    expect(zip.map((p) => p.bytesDone)).toEqual([...zip.map((p) => p.bytesDone)].sort((a, b) => a - b));
    core.close();
  });

  it('can be cancelled mid-zip and leaves no archive, no temp file and no dist folder', async () => {
    const { core, siteDir } = siteWithProduct({ 'huge.txt': 'w'.repeat(40_000_000) });
    const stop = core.events.subscribe((name, payload) => {
      if (name === 'products.progress' && (payload as { bytesDone: number }).bytesDone > 0) core.products.cancel(slug);
    });
    await expect(core.products.compile(slug, { upload: false })).rejects.toMatchObject({ code: 'CANCELLED' });
    stop();
    expect(existsSync(join(siteDir, 'dist'))).toBe(false);
    expect(existsSync(join(siteDir, 'src'))).toBe(false);
    expect(existsSync(join(siteDir, 'public'))).toBe(false);
    // and compiles fine afterwards
    await expect(core.products.compile(slug, { upload: false })).resolves.toMatchObject({ entries: 1 });
    core.close();
  });
});

/** Each bad input, the error it gets, and the promise that nothing was written anywhere. */
const badInputs: Array<[string, (productsDir: string, siteDir: string) => void, { code: string; field?: string; message: RegExp }]> = [
  ['an invalid spec', (p) => writeFileSync(join(p, `${slug}.product.json`), JSON.stringify({ ...sampleSpec, price: -1 })), { code: 'BAD_INPUT', field: 'price', message: /price: must be greater than 0/ }],
  ['a spec that is not JSON', (p) => writeFileSync(join(p, `${slug}.product.json`), '{'), { code: 'BAD_INPUT', message: /not valid JSON/ }],
  ['a missing content folder', (p) => spawnSync('rm', ['-rf', join(p, slug)]), { code: 'BAD_INPUT', field: 'contentDir', message: /does not exist/ }],
  ['an empty content folder', () => {}, { code: 'BAD_INPUT', field: 'contentDir', message: /is empty/ }],
  ['a file name with a backslash', (p) => writeContent(p, slug, { 'ok.txt': 'x', '..\\..\\evil.txt': 'x' }), { code: 'BAD_INPUT', field: 'contentDir', message: /backslash/ }],
  ['a folder name with a colon', (p) => writeContent(p, slug, { 'ok.txt': 'x', 'c:/evil.txt': 'x' }), { code: 'BAD_INPUT', field: 'contentDir', message: /"c:": its name contains a colon/ }],
  [
    'a symlink that escapes the product folder',
    (p) => {
      writeContent(p, slug, { 'ok.txt': 'x' });
      const outside = join(tempDir(), 'secret.txt');
      writeFileSync(outside, 'secret');
      symlinkSync(outside, join(p, slug, 'link.txt'));
    },
    { code: 'BAD_INPUT', field: 'contentDir', message: /link\.txt is a link that points outside the product folder/ },
  ],
  [
    'a symlink to a folder',
    (p) => {
      writeContent(p, slug, { 'sub/ok.txt': 'x' });
      symlinkSync(join(p, slug, 'sub'), join(p, slug, 'loop'));
    },
    { code: 'BAD_INPUT', field: 'contentDir', message: /loop is a link to a folder/ },
  ],
  [
    'an unreadable file (a broken link)',
    (p) => {
      writeContent(p, slug, { 'ok.txt': 'x' });
      symlinkSync(join(p, slug, 'gone.txt'), join(p, slug, 'dangling.txt'));
    },
    { code: 'BAD_INPUT', field: 'contentDir', message: /dangling\.txt is a broken link and cannot be read/ },
  ],
  [
    'a file that is not a regular file',
    (p) => {
      writeContent(p, slug, { 'ok.txt': 'x' });
      spawnSync('mkfifo', [join(p, slug, 'pipe')]);
    },
    { code: 'BAD_INPUT', field: 'contentDir', message: /pipe is not a regular file/ },
  ],
  [
    'a damaged site config',
    (p, site) => {
      writeContent(p, slug, { 'ok.txt': 'x' });
      mkdirSync(join(site, 'src', 'config'), { recursive: true });
      writeFileSync(join(site, 'src', 'config', 'products.json'), '[{"slug": 1}]');
    },
    { code: 'BAD_INPUT', field: 'siteConfig', message: /is not a list of products/ },
  ],
];

describe('compile refuses bad input and writes nothing', () => {
  it.each(badInputs)('%s', async (_label, arrange, expected) => {
    const { core, productsDir, siteDir } = productSite();
    core.products.create(productSpecSchema.parse(sampleSpec));
    arrange(productsDir, siteDir);
    const configBefore = existsSync(join(siteDir, 'src', 'config', 'products.json')) ? readFileSync(join(siteDir, 'src', 'config', 'products.json'), 'utf8') : undefined;
    const error = await core.products.compile(slug, { upload: true }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toMatchObject({ code: expected.code, message: expect.stringMatching(expected.message), ...(expected.field ? { field: expected.field } : {}) });
    expect(existsSync(join(siteDir, 'dist'))).toBe(false);
    expect(existsSync(join(siteDir, 'public'))).toBe(false);
    if (configBefore === undefined) expect(existsSync(join(siteDir, 'src'))).toBe(false);
    else expect(readFileSync(join(siteDir, 'src', 'config', 'products.json'), 'utf8')).toBe(configBefore);
    expect(core.products.listUploads()).toEqual([]);
    core.close();
  });

  it('an unreadable file (no read permission) when not running as root', async () => {
    const { core, productsDir, siteDir } = productSite();
    core.products.create(productSpecSchema.parse(sampleSpec));
    writeContent(productsDir, slug, { 'ok.txt': 'x', 'locked.txt': 'x' });
    spawnSync('chmod', ['000', join(productsDir, slug, 'locked.txt')]);
    const asRoot = process.getuid?.() === 0; // root reads anything: there the file is simply zipped
    const outcome = core.products.compile(slug, { upload: false });
    if (asRoot) await expect(outcome).resolves.toMatchObject({ entries: 2 });
    else {
      await expect(outcome).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('locked.txt cannot be read (EACCES)') });
      expect(existsSync(join(siteDir, 'dist'))).toBe(false);
    }
    core.close();
  });

  it('refuses an unknown product with NOT_FOUND', async () => {
    const { core } = productSite();
    await expect(core.products.compile('nothing-here', { upload: false })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'slug' });
    core.close();
  });
});
