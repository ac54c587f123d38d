import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPack, siteUrl } from '../../../tests/helpers/content';
import { dispatcherCall } from '../../../tests/helpers/dispatcher-call';
import { testCore, type TestCore } from '../../../tests/helpers/workflows/core';
import { createDispatcher } from '../dispatcher';

let t: TestCore;
afterEach(() => t?.cleanup());

/** A core with the pack and one set generated through the contract, as the Content area does it. */
async function withSet() {
  t = testCore();
  t.core.settings.set('content.siteUrl', siteUrl);
  createPack(t.core);
  const call = dispatcherCall(createDispatcher(t.core));
  const set = await call('content.generate', { seed: 'Stop answering the same support email by hand.', product: 'automation-accelerator-pack' });
  return { call, set };
}

const refusal = (p: Promise<unknown>) => p.then(() => undefined, (err: Error & { code: string }) => ({ code: err.code, message: err.message }));

describe('the Content area’s procedures', () => {
  it('content.saveAsset rewrites one asset in the stored set, held to the same validator; the link stays the product’s', async () => {
    const { call, set } = await withSet();
    const thread = set.assets.find((a: { kind: string }) => a.kind === 'x-thread');
    const posts = [`1/2 Edited by hand.`, `2/2 Get it: ${thread.link}`];
    const saved = await call('content.saveAsset', { setId: set.id, kind: 'x-thread', asset: { ...thread, posts, link: 'https://elsewhere.example' } });
    expect(saved.assets.find((a: { kind: string }) => a.kind === 'x-thread')).toEqual({ kind: 'x-thread', posts, link: thread.link });
    expect((await call('content.list', { product: 'automation-accelerator-pack' })).sets[0].assets[1].posts).toEqual(posts);
  });

  it('a broken limit is refused naming the field and every rule, and nothing is saved', async () => {
    const { call, set } = await withSet();
    const thread = set.assets.find((a: { kind: string }) => a.kind === 'x-thread');
    const long = `2/2 ${'x'.repeat(280)}`;
    expect(await refusal(call('content.saveAsset', { setId: set.id, kind: 'x-thread', asset: { ...thread, posts: ['1/2 Short.', long] } }))).toEqual({
      code: 'BAD_INPUT',
      message: 'content.saveAsset: asset.posts.1: must be at most 280 characters',
    });
    const article = set.assets.find((a: { kind: string }) => a.kind === 'mini-article');
    const error = await refusal(call('content.saveAsset', { setId: set.id, kind: 'mini-article', asset: { ...article, metaDescription: 'm'.repeat(161), sections: [{ heading: 'Only one', body: 'no link' }] } }));
    expect(error?.message.split('\n')).toEqual(['content.saveAsset: asset.metaDescription: must be at most 160 characters', 'asset.sections: needs at least 2 headings']);
    expect(await refusal(call('content.saveAsset', { setId: 'nope', kind: 'email', asset: {} }))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('setId: must be a set id from the history') });
    expect((await call('content.list', {})).sets[0]).toEqual(set);
  });

  it('content.exportSet writes the six Markdown files into the product’s own content folder and answers names only', async () => {
    const { call, set } = await withSet();
    const exported = await call('content.exportSet', { setId: set.id });
    expect(exported).toEqual({ setId: set.id, product: 'automation-accelerator-pack', folder: `marketing/${set.id}`, files: ['01-video-script.md', '02-x-thread.md', '03-linkedin-post.md', '04-email.md', '05-instagram-carousel.md', '06-mini-article.md'] });
    const dir = join(t.core.products.get('automation-accelerator-pack').contentDir, 'marketing', set.id);
    expect(readdirSync(dir).sort()).toEqual(exported.files);
    expect(readFileSync(join(dir, '04-email.md'), 'utf8')).toContain('utm_content=email');
    expect(await refusal(call('content.exportSet', { setId: '01890000-0000-7000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('setId: no generated set has id') });
    expect(existsSync(join(dir, '..', '01890000-0000-7000-8000-000000000000'))).toBe(false);
  });

  it('content.engines says the ai engine cannot write without a model, and why', async () => {
    const { call } = await withSet();
    const { engines } = await call('content.engines', {});
    expect(engines[0]).toEqual({ name: 'templates', available: true, reason: null });
    expect(engines[1]).toMatchObject({ name: 'ai', available: false, reason: expect.stringContaining('ai.apiKey') });
  });
});
