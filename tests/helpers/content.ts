import type { Core } from '../../src-main/core';
import type { ContentAsset } from '../../shared/contract/content';

export const siteUrl = 'https://levqor.example';

/** The product the content tests write about (tags become hashtags, the page is <site>/products/<slug>). */
export function createPack(core: Core): void {
  core.products.create({
    slug: 'automation-accelerator-pack',
    name: 'Automation Accelerator Pack',
    price: 47,
    currency: 'GBP',
    description: 'Ready-to-import automation workflows for a one-person business.',
    tags: ['automation', 'workflows', 'solo founder'],
    status: 'ready',
    version: '1.0.0',
  });
}

/** The link an asset of `kind` must carry for the pack on siteUrl. */
export function packLink(kind: ContentAsset['kind'], source: string, medium: string): string {
  return `${siteUrl}/products/automation-accelerator-pack?utm_source=${source}&utm_medium=${medium}&utm_campaign=automation-accelerator-pack&utm_content=${kind}`;
}

const L = (kind: ContentAsset['kind']) => `https://x.example/p?utm_content=${kind}`;

/** One valid asset of each kind, all at the link L(kind): what the validator tests bend past each limit. */
export function validAssets(): { [K in ContentAsset['kind']]: Extract<ContentAsset, { kind: K }> } & { link: typeof L } {
  return {
    link: L,
    'video-script': { kind: 'video-script', title: 'T', hook: 'Hook', beats: [{ at: 0, text: 'a' }, { at: 5, text: 'b' }, { at: 9, text: 'c' }], cta: `Get it: ${L('video-script')}`, link: L('video-script') },
    'x-thread': { kind: 'x-thread', posts: ['1/2 first', `2/2 ${L('x-thread')}`], link: L('x-thread') },
    'linkedin-post': { kind: 'linkedin-post', text: `Post ${L('linkedin-post')}`, link: L('linkedin-post') },
    email: { kind: 'email', subject: 'S', preview: 'P', body: 'B', cta: { text: 'Get it', url: L('email') }, link: L('email') },
    'instagram-carousel': { kind: 'instagram-carousel', slides: ['1', '2', '3', '4', '5'], caption: `C ${L('instagram-carousel')}`, hashtags: ['#a', '#b', '#c'], link: L('instagram-carousel') },
    'mini-article': { kind: 'mini-article', title: 'T', metaDescription: 'M', slug: 'a-b', sections: [{ heading: 'H1', body: 'x' }, { heading: 'H2', body: `y ${L('mini-article')}` }], link: L('mini-article') },
  };
}
