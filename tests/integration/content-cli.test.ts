import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levqorAsync } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { packLink, siteUrl } from '../helpers/content';

const product = 'automation-accelerator-pack';

/** A data dir whose products folder holds the pack's spec. */
function dataDirWithPack(): string {
  const dataDir = tempDir();
  mkdirSync(join(dataDir, 'products'), { recursive: true });
  const spec = { slug: product, name: 'Automation Accelerator Pack', price: 47, currency: 'GBP', description: 'Ready-to-import automation workflows.', tags: ['automation'], status: 'ready', version: '1.0.0' };
  writeFileSync(join(dataDir, 'products', `${product}.product.json`), JSON.stringify(spec));
  return dataDir;
}

const env = { LEVQOR_CONTENT_SITE_URL: siteUrl };

describe('levqor content generate / list / export / seo', () => {
  it('generates the six assets (--json: { assets }), lists the set, exports it as Markdown into the product’s content folder, and checks the product’s SEO', async () => {
    const dataDir = dataDirWithPack();
    const cli = (...args: string[]) => levqorAsync(['--data-dir', dataDir, 'content', ...args], env);
    const generated = await cli('generate', '--seed', 'Stop answering the same email by hand.', '--product', product, '--tone', 'plain', '--engine', 'templates', '--json');
    expect(generated.code).toBe(0);
    const { assets } = JSON.parse(generated.stdout) as { assets: Array<{ kind: string; link: string }> };
    expect(Object.keys(JSON.parse(generated.stdout))).toEqual(['assets']);
    expect(assets.map((a) => a.kind)).toEqual(['video-script', 'x-thread', 'linkedin-post', 'email', 'instagram-carousel', 'mini-article']);
    expect(assets[3]!.link).toBe(packLink('email', 'email', 'email'));

    const text = await cli('generate', '--seed', 'Send the weekly digest without opening Stripe.', '--product', product);
    expect(text.stdout).toContain('== x-thread\n1/5 ');
    const id = /Saved as (\S+)/.exec(text.stdout)![1]!;

    const list = await cli('list', '--product', product);
    expect(list.stdout.split('\n')[0]).toMatch(new RegExp(`^${id}  \\S+  ${product}  \\[templates\\]  Send the weekly digest`));

    const exported = await cli('export', '--product', product, '--json');
    const out = JSON.parse(exported.stdout) as { id: string; dir: string };
    expect(out).toMatchObject({ id, dir: join(dataDir, 'products', product, 'marketing', id) });
    expect(readdirSync(out.dir)).toHaveLength(6);

    const seo = await levqorAsync(['--data-dir', dataDir, 'content', 'seo', product], env);
    expect(seo.stdout).toContain('! seo.title: is missing: the name is used (27 characters)');
    expect(seo.stdout).toMatch(new RegExp(`og:url\\s+${siteUrl}/products/${product}`));
  });

  it('bad input: an empty seed or an unknown product is refused naming the field, and nothing is saved', async () => {
    const dataDir = dataDirWithPack();
    const cli = (...args: string[]) => levqorAsync(['--data-dir', dataDir, 'content', ...args], env);
    const empty = await cli('generate', '--seed', '', '--product', product);
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain('seed');
    const unknown = await cli('generate', '--seed', 'An idea.', '--product', 'no-such-pack');
    expect(unknown.stderr).toContain('product: no valid product has slug "no-such-pack"');
    expect(JSON.parse((await cli('list', '--json')).stdout)).toEqual({ sets: [] });
  });
});
