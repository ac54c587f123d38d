import type { ContentAsset, ContentKind } from '../../../../shared/contract/content';

/** Each asset kind as the founder reads it. */
export const kindTitles: Record<ContentKind, string> = {
  'video-script': 'Video script',
  'x-thread': 'X thread',
  'linkedin-post': 'LinkedIn post',
  email: 'Email',
  'instagram-carousel': 'Instagram carousel',
  'mini-article': 'Mini-article',
};

/** An asset as text ready to paste where it is posted (what Copy puts on the clipboard). */
export function assetText(asset: ContentAsset): string {
  const parts = ((): string[] => {
    switch (asset.kind) {
      case 'video-script':
        return [asset.title, `Hook: ${asset.hook}`, ...asset.beats.map((b) => `[${b.at}s] ${b.text}`), asset.cta];
      case 'x-thread':
        return asset.posts;
      case 'linkedin-post':
        return [asset.text];
      case 'email':
        return [`Subject: ${asset.subject}`, `Preview: ${asset.preview}`, asset.body, `${asset.cta.text}: ${asset.cta.url}`];
      case 'instagram-carousel':
        return [...asset.slides.map((s, i) => `Slide ${i + 1}: ${s}`), asset.caption, asset.hashtags.join(' ')];
      case 'mini-article':
        return [asset.title, `Meta description: ${asset.metaDescription}`, `Slug: ${asset.slug}`, ...asset.sections.map((s) => `${s.heading}\n${s.body}`)];
    }
  })();
  return parts.join('\n\n');
}

/**
 * The rules content.saveAsset refused, by the field they name inside the asset (`posts.1`):
 * its message holds one `asset.<field>: <rule>` a line.
 */
export function rulesByField(message: string): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  for (const line of message.split('\n')) {
    const match = /(?:^|\s)asset\.([^:\s]+): (.+)$/.exec(line);
    if (!match) continue;
    const [, field, rule] = match as unknown as [string, string, string];
    rules.set(field, [...(rules.get(field) ?? []), rule]);
  }
  return rules;
}
