import { describe, expect, it } from 'vitest';
import { validAssets } from '../../../../tests/helpers/content';
import { withPart } from './AssetFields';
import { assetText, rulesByField } from './format';

describe('the Content area’s wording and edits', () => {
  it('reads content.saveAsset’s refusal as rules by field, whatever prefix the transport added', () => {
    const rules = rulesByField('content.saveAsset: asset.posts.1: must be at most 280 characters\nasset.posts: one post must contain the product link x\nasset.posts.1: must start with its number "2/2"');
    expect([...rules]).toEqual([
      ['posts.1', ['must be at most 280 characters', 'must start with its number "2/2"']],
      ['posts', ['one post must contain the product link x']],
    ]);
    expect(rulesByField('network down').size).toBe(0);
  });

  it('copies an asset as text ready to paste, and an edit replaces one part without touching the rest', () => {
    const assets = validAssets();
    expect(assetText(assets['x-thread'])).toBe(`1/2 first\n\n2/2 ${assets.link('x-thread')}`);
    expect(assetText(assets.email)).toContain(`Get it: ${assets.link('email')}`);
    const article = assets['mini-article'];
    const edited = withPart(article, ['sections', '1', 'heading'], 'New heading') as typeof article;
    expect(edited.sections.map((s) => s.heading)).toEqual(['H1', 'New heading']);
    expect(article.sections[1]!.heading).toBe('H2');
  });
});
