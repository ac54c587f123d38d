import type { ContentAsset, ContentSet, ProductSeo } from '../../../shared/contract/content';

/** One asset as the terminal shows it: its parts under its kind. */
export function assetText(asset: ContentAsset): string {
  switch (asset.kind) {
    case 'video-script':
      return [`== video-script: ${asset.title}`, `Hook: ${asset.hook}`, ...asset.beats.map((b) => `  ${String(b.at).padStart(3)} s  ${b.text}`), `CTA: ${asset.cta}`].join('\n');
    case 'x-thread':
      return ['== x-thread', ...asset.posts].join('\n');
    case 'linkedin-post':
      return ['== linkedin-post', asset.text].join('\n');
    case 'email':
      return ['== email', `Subject: ${asset.subject}`, `Preview: ${asset.preview}`, '', asset.body, '', `[${asset.cta.text}] ${asset.cta.url}`].join('\n');
    case 'instagram-carousel':
      return ['== instagram-carousel', ...asset.slides.map((s, i) => `  ${i + 1}. ${s}`), `Caption: ${asset.caption}`, asset.hashtags.join(' ')].join('\n');
    case 'mini-article':
      return [`== mini-article: ${asset.title}`, `Meta description: ${asset.metaDescription}`, `Slug: ${asset.slug}`, ...asset.sections.flatMap((s) => ['', `## ${s.heading}`, s.body])].join('\n');
  }
}

export function setLine(set: ContentSet): string {
  return `${set.id}  ${new Date(set.at).toISOString()}  ${set.seed.product}  [${set.engine}]  ${set.seed.seed}`;
}

export function seoText(seo: ProductSeo): string {
  const fields = Object.entries({ title: seo.title, 'meta description': seo.metaDescription, keywords: seo.keywords.join(', '), ...seo.openGraph }).map(([k, v]) => `${k.padEnd(17)} ${v ?? '(none)'}`);
  const problems = seo.problems.length === 0 ? ['Nothing missing or too long.'] : seo.problems.map((p) => `! ${p.field}: ${p.message}`);
  return [...fields, '', ...problems].join('\n');
}
