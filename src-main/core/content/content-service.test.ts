import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aiCorePerTest } from '../../../tests/helpers/ai/ai-core-per-test';
import { createPack, packLink, siteUrl } from '../../../tests/helpers/content';
import { productPage } from './product-page';
import { templateOverridePath } from './templates';

const t = aiCorePerTest({ env: { LEVQOR_CONTENT_SITE_URL: siteUrl } });
const seed = 'Stop answering the same support email by hand every week.';
const product = 'automation-accelerator-pack';

const refused = (input: unknown) => t.core.content.generate(input).then(() => undefined, (err: { code: string; field?: string; message: string }) => ({ code: err.code, field: err.field, message: err.message }));

describe('the template engine: one seed → the six assets, offline and deterministic', () => {
  it('writes the same six assets for a fixed seed, each linking to the product with UTM tags naming the asset', async () => {
    createPack(t.core);
    const set = await t.core.content.generate({ seed, product, audience: 'solo founders' });
    expect(set.engine).toBe('templates');
    expect(set.assets.map((a) => a.kind)).toEqual(['video-script', 'x-thread', 'linkedin-post', 'email', 'instagram-carousel', 'mini-article']);
    expect(set.assets.find((a) => a.kind === 'email')!.link).toBe(packLink('email', 'email', 'email'));
    expect(set.assets.find((a) => a.kind === 'x-thread')).toEqual({
      kind: 'x-thread',
      posts: [
        '1/5 Stop answering the same support email by hand every week.',
        '2/5 Stop answering the same support email by hand every week.',
        '3/5 Most solo founders do this by hand every week. It does not have to be that way.',
        '4/5 Automation Accelerator Pack gives you the setup ready to use, in an afternoon.',
        `5/5 Get it here (47 GBP): ${packLink('x-thread', 'x', 'social')}`,
      ],
      link: packLink('x-thread', 'x', 'social'),
    });
    expect(set.assets.find((a) => a.kind === 'mini-article')).toEqual({
      kind: 'mini-article',
      title: 'Stop answering the same support email by hand every week.',
      metaDescription: 'Stop answering the same support email by hand every week.',
      slug: 'stop-answering-the-same-support-email-by-hand-every-week',
      sections: [
        { heading: 'The idea', body: seed },
        { heading: 'Why it matters for solo founders', body: 'Work done by hand every week is time not spent on what pays. A setup you build once gives that time back, every week after.' },
        { heading: 'How to start', body: `Automation Accelerator Pack gives you the setup ready to use (47 GBP): ${packLink('mini-article', 'blog', 'article')}` },
      ],
      link: packLink('mini-article', 'blog', 'article'),
    });
    expect(set.assets.find((a) => a.kind === 'instagram-carousel')).toMatchObject({ hashtags: ['#automation', '#workflows', '#solofounder', '#buildinpublic'] });
    const again = await t.core.content.generate({ seed, product, audience: 'solo founders' });
    expect(again.assets).toEqual(set.assets);
  });

  it('keeps a 500-character seed within every limit (long X posts are split and numbered)', async () => {
    createPack(t.core);
    const long = `${'Automate the boring parts of a one-person business '.repeat(10)}`.slice(0, 500);
    const set = await t.core.content.generate({ seed: long, product });
    const thread = set.assets.find((a) => a.kind === 'x-thread')!;
    expect(thread.kind === 'x-thread' && thread.posts.length).toBe(6);
  });

  it('uses the founder’s own template from the data dir, and names the file when it breaks a rule', async () => {
    createPack(t.core);
    const path = templateOverridePath(t.core.info().dataDir, 'linkedin-post');
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, JSON.stringify({ paragraphs: ['My own words about {{product}}.', '{{link}}'] }));
    const set = await t.core.content.generate({ seed, product });
    expect(set.assets.find((a) => a.kind === 'linkedin-post')).toMatchObject({ text: `My own words about Automation Accelerator Pack.\n\n${packLink('linkedin-post', 'linkedin', 'social')}` });
    writeFileSync(path, JSON.stringify({ paragraphs: ['No link here.'] }));
    expect(await refused({ seed, product })).toEqual({ code: 'BAD_INPUT', field: path, message: `${path}: the template gives an asset that breaks its rules: linkedin-post.text: must contain the product link ${packLink('linkedin-post', 'linkedin', 'social')}` });
  });
});

describe('bad input: a clear error naming the field, nothing generated', () => {
  it('refuses an empty seed, a seed over 500 characters, an unknown product and a product with no page', async () => {
    createPack(t.core);
    expect(await refused({ seed: ' ', product })).toMatchObject({ code: 'BAD_INPUT', field: 'seed', message: 'seed: is required: one sentence with the idea' });
    expect(await refused({ seed: 'x'.repeat(501), product })).toMatchObject({ field: 'seed', message: 'seed: must be at most 500 characters' });
    expect(await refused({ seed, product: 'no-such-pack' })).toMatchObject({ field: 'product', message: 'product: no valid product has slug "no-such-pack" (levqor product list)' });
    expect(t.core.content.list(undefined, 50)).toEqual([]);
  });
});

describe('the page every asset links to', () => {
  it('is the site’s product page, else the Gumroad page; with neither, a clear error naming product', () => {
    expect(productPage('p', 'https://site.example/', 'https://x.gumroad.com/l/p')).toBe('https://site.example/products/p');
    expect(productPage('p', '', 'https://x.gumroad.com/l/p')).toBe('https://x.gumroad.com/l/p');
    expect(() => productPage('p', '', undefined)).toThrow(expect.objectContaining({ field: 'product', message: 'product: "p" has no page to link to: set the setting content.siteUrl (your site\'s address) or the product\'s gumroad.url' }));
  });
});

describe('history and export', () => {
  it('lists sets newest first per product and exports one Markdown file per asset into the product’s content folder', async () => {
    createPack(t.core);
    const first = await t.core.content.generate({ seed, product });
    const second = await t.core.content.generate({ seed: 'Send the weekly revenue digest without opening Stripe.', product });
    expect(t.core.content.list(product, 50).map((s) => s.id)).toEqual([second.id, first.id]);
    expect(t.core.content.list(undefined, 1).map((s) => s.id)).toEqual([second.id]);
    const exported = t.core.content.export(product);
    expect(exported.id).toBe(second.id);
    expect(exported.dir).toBe(join(t.core.products.get(product).contentDir, 'marketing', second.id));
    expect(readdirSync(exported.dir).sort()).toEqual(['01-video-script.md', '02-x-thread.md', '03-linkedin-post.md', '04-email.md', '05-instagram-carousel.md', '06-mini-article.md']);
    expect(readFileSync(join(exported.dir, '06-mini-article.md'), 'utf8')).toMatch(/^---\ntitle: "Send the weekly revenue digest without opening Stripe\."\n/);
    expect(t.core.content.export(product, first.id).id).toBe(first.id);
    expect(() => t.core.content.export(product, 'nope')).toThrow(`id: "${product}" has no generated set "nope"`);
    expect(existsSync(join(exported.dir, '..', 'nope'))).toBe(false);
    // a hand-edited set whose id is not a set id is left out rather than exported outside its folder
    const setsDir = join(t.core.info().dataDir, 'content', 'sets', product);
    writeFileSync(join(setsDir, 'ffffffff-ffff-7fff-bfff-ffffffffffff.json'), JSON.stringify({ ...second, id: '../../escape' }));
    expect(t.core.content.list(product, 50).map((s) => s.id)).toEqual([second.id, first.id]);
  });
});

describe('the ai engine: the same assets from the model (feature content), held to the same validators', () => {
  it('asks once with json_schema and returns the model’s assets when they pass', async () => {
    createPack(t.core);
    const good = await t.core.content.generate({ seed, product });
    const answer = Object.fromEntries(good.assets.map((a) => [a.kind, a]));
    t.server.reply({ kind: 'json', value: answer });
    const set = await t.core.content.generate({ seed, product, tone: 'plain', language: 'English' }, 'ai');
    expect(set).toMatchObject({ engine: 'ai', assets: good.assets });
    expect(t.server.requests).toHaveLength(1);
    expect(t.server.requests[0]!.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'content_assets', strict: true } });
    expect(JSON.stringify(t.server.requests[0]!.body.messages)).toContain(packLink('email', 'email', 'email'));
    expect(t.core.ai.usage(5)[0]).toMatchObject({ feature: 'content', outcome: 'ok' });
  });

  it('sends an answer that breaks a limit back as a repair turn naming the rule, and keeps the repaired one', async () => {
    createPack(t.core);
    const good = await t.core.content.generate({ seed, product });
    const answer = Object.fromEntries(good.assets.map((a) => [a.kind, a]));
    const tooLong = { ...answer, 'mini-article': { ...answer['mini-article'], metaDescription: 'x'.repeat(161) } };
    t.server.reply({ kind: 'json', value: tooLong }, { kind: 'json', value: answer });
    const set = await t.core.content.generate({ seed, product }, 'ai');
    expect(set.assets).toEqual(good.assets);
    expect(t.server.requests).toHaveLength(2);
    expect(JSON.stringify(t.server.requests[1]!.body.messages)).toContain('mini-article.metaDescription: must be at most 160 characters');
  });

  it('without a key says so in one line and saves nothing', async () => {
    createPack(t.core);
    t.core.secrets.clear('openai.apiKey');
    await expect(t.core.content.generate({ seed, product }, 'ai')).rejects.toThrow(/^No AI key: set the secret openai\.apiKey/);
    expect(t.core.content.list(product, 50)).toEqual([]);
    expect(t.server.requests).toHaveLength(0);
  });
});
