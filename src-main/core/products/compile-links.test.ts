import { mkdirSync, readFileSync, realpathSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productSpecSchema } from '../../../shared/product';
import { createCore } from '..';
import { productSite, sampleSpec, writeContent } from '../../../tests/helpers/products';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { treeSnapshot } from '../../../tests/helpers/tree-snapshot';

const slug = sampleSpec.slug;
const omegaProducts = ['public', 'assets', 'Levqor-Omega-Empire-Pack', 'products'];

/** A site with a valid product that has content, and a folder outside it holding a secret. */
function linkedSite() {
  const site = productSite();
  site.core.products.create(productSpecSchema.parse(sampleSpec));
  writeContent(site.productsDir, slug, { 'guide.md': '# Guide\n' });
  const outside = tempDir('levqor-outside-');
  writeFileSync(join(outside, 'secret.txt'), 'TOP SECRET, not JSON');
  return { ...site, outside };
}

/** Points `link` at `target`, creating the folders `link` sits in. */
function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface LinkOut {
  /** Sets up the link; returns the path the error must name. */
  arrange(productsDir: string, siteDir: string, outside: string): string;
  field: string;
  /** Where the link leads, relative to the outside folder. */
  leadsTo: string;
  rootName: RegExp;
}

const linksOut: Array<[string, LinkOut]> = [
  [
    'a spec file that is a link to a spec outside',
    {
      arrange: (p, _s, out) => {
        const spec = join(p, `${slug}.product.json`);
        renameSync(spec, join(out, 'spec.json'));
        symlinkSync(join(out, 'spec.json'), spec);
        return spec;
      },
      field: 'file',
      leadsTo: 'spec.json',
      rootName: /the products folder/,
    },
  ],
  [
    'a content folder that is a link to a folder outside',
    {
      arrange: (p, _s, out) => {
        renameSync(join(p, slug), join(out, 'content'));
        symlinkSync(join(out, 'content'), join(p, slug));
        return join(p, slug);
      },
      field: 'contentDir',
      leadsTo: 'content',
      rootName: /the products folder/,
    },
  ],
  [
    'dist/products/<slug> as a link to a folder outside',
    {
      arrange: (_p, s, out) => (link(out, join(s, 'dist', 'products', slug)), join(s, 'dist', 'products', slug)),
      field: 'zipPath',
      leadsTo: '',
      rootName: /the archives folder dist\/products/,
    },
  ],
  [
    'dist/products/<slug> as a dangling link to a folder outside that does not exist yet',
    {
      arrange: (_p, s, out) => (link(join(out, 'made-later'), join(s, 'dist', 'products', slug)), join(s, 'dist', 'products', slug)),
      field: 'zipPath',
      leadsTo: 'made-later',
      rootName: /the archives folder dist\/products/,
    },
  ],
  [
    'dist as a link to a folder outside',
    {
      arrange: (_p, s, out) => (link(out, join(s, 'dist')), join(s, 'dist', 'products')),
      field: 'zipPath',
      leadsTo: 'products',
      rootName: /the site folder/,
    },
  ],
  [
    "the product's Omega folder as a link to a folder outside",
    {
      arrange: (_p, s, out) => (link(out, join(s, ...omegaProducts, slug)), join(s, ...omegaProducts, slug)),
      field: 'omegaDir',
      leadsTo: '',
      rootName: /the Omega products folder/,
    },
  ],
  [
    'public as a link to a folder outside',
    {
      arrange: (_p, s, out) => (link(out, join(s, 'public')), join(s, ...omegaProducts)),
      field: 'omegaDir',
      leadsTo: omegaProducts.slice(1).join('/'),
      rootName: /the site folder/,
    },
  ],
  [
    'src/config as a link to a folder outside',
    {
      arrange: (_p, s, out) => (link(out, join(s, 'src', 'config')), join(s, 'src', 'config')),
      field: 'siteConfig',
      leadsTo: '',
      rootName: /the site folder/,
    },
  ],
  [
    'src/config/products.json as a link to a file outside',
    {
      arrange: (_p, s, out) => {
        writeFileSync(join(out, 'products.json'), '[]');
        link(join(out, 'products.json'), join(s, 'src', 'config', 'products.json'));
        return join(s, 'src', 'config', 'products.json');
      },
      field: 'siteConfig',
      leadsTo: 'products.json',
      rootName: /the site config folder src\/config/,
    },
  ],
];

describe('compile refuses links that lead outside, naming the path, and changes nothing', () => {
  it.each(linksOut)('%s', async (_label, { arrange, field, leadsTo, rootName }) => {
    const { core, productsDir, siteDir, outside } = linkedSite();
    const named = arrange(productsDir, siteDir, outside);
    const before = { site: treeSnapshot(siteDir), outside: treeSnapshot(outside) };

    const error = await core.products.compile(slug, { upload: true }).then(
      () => undefined,
      (err: unknown) => err,
    );
    const real = join(realpathSync(outside), ...leadsTo.split('/').filter(Boolean));
    expect(error).toMatchObject({ code: 'BAD_INPUT', field, message: expect.stringMatching(new RegExp(`^${field}: ${literal(named)} leads through a link to ${literal(real)}, outside `)) });
    expect((error as Error).message).toMatch(rootName);
    expect({ site: treeSnapshot(siteDir), outside: treeSnapshot(outside) }).toEqual(before);
    expect(core.products.listUploads()).toEqual([]);
    core.close();
  });

  it('a file in the content folder that links outside, naming where it leads (refused, not skipped)', async () => {
    const { core, productsDir, siteDir, outside } = linkedSite();
    symlinkSync(join('..', '..', '..', outside.split('/').at(-1)!, 'secret.txt'), join(productsDir, slug, 'leak.txt'));
    expect(readFileSync(join(productsDir, slug, 'leak.txt'), 'utf8')).toBe('TOP SECRET, not JSON'); // the relative link does reach it
    const before = treeSnapshot(siteDir);
    await expect(core.products.compile(slug, { upload: false })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      field: 'contentDir',
      message: expect.stringContaining(`leak.txt is a link that points outside the product folder (to ${join(realpathSync(outside), 'secret.txt')})`),
    });
    expect(treeSnapshot(siteDir)).toEqual(before);
    core.close();
  });

  it('a spec file linked outside is listed and validated as invalid without being read', () => {
    const { core, productsDir, outside } = linkedSite();
    const spec = join(productsDir, `${slug}.product.json`);
    renameSync(spec, join(outside, 'spec.json'));
    symlinkSync(join(outside, 'secret.txt'), spec);
    const listed = core.products.list().products[0];
    expect(listed).toMatchObject({ slug, valid: false, errors: [{ path: '', message: expect.stringContaining(`file: ${spec} leads through a link`) }] });
    const validated = core.products.validate({ slug });
    expect(validated).toMatchObject({ valid: false, file: spec });
    expect(JSON.stringify([listed, validated])).not.toContain('TOP SECRET');
    expect(() => core.products.get(slug)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', field: 'file' }));
    core.close();
  });
});

describe('links that stay inside are followed', () => {
  it('a content folder and a spec linked within the products folder, dist and src/config linked within the site folder', async () => {
    const { core, productsDir, siteDir } = linkedSite();
    renameSync(join(productsDir, slug), join(productsDir, 'shared-content'));
    symlinkSync(join(productsDir, 'shared-content'), join(productsDir, slug));
    renameSync(join(productsDir, `${slug}.product.json`), join(productsDir, 'spec.json'));
    symlinkSync('spec.json', join(productsDir, `${slug}.product.json`));
    mkdirSync(join(siteDir, 'build', 'config'), { recursive: true });
    symlinkSync(join(siteDir, 'build'), join(siteDir, 'dist'));
    link(join(siteDir, 'build', 'config'), join(siteDir, 'src', 'config'));

    const result = await core.products.compile(slug, { upload: false });
    expect(result).toMatchObject({ entries: 1, zipPath: join(siteDir, 'dist', 'products', slug, `${slug}-1.0.0.zip`) });
    expect(readFileSync(join(siteDir, 'build', 'products', slug, `${slug}-1.0.0.zip`)).length).toBe(result.bytes);
    expect(JSON.parse(readFileSync(join(siteDir, 'build', 'config', 'products.json'), 'utf8'))).toMatchObject([{ slug }]);
    core.close();
  });

  it('a products folder that is itself a link (the founder chose it) is the root', async () => {
    const { core, productsDir, siteDir } = linkedSite();
    core.close();
    const elsewhere = join(tempDir('levqor-real-products-'), 'products');
    renameSync(productsDir, elsewhere);
    symlinkSync(elsewhere, productsDir);
    const again = createCore({ logToFile: false, dataDir: tempDir(), env: { LEVQOR_PRODUCTS_DIR: productsDir } });
    const result = await again.products.compile(slug, { upload: false });
    expect(result.zipPath).toBe(join(siteDir, 'dist', 'products', slug, `${slug}-1.0.0.zip`));
    again.close();
  });
});
