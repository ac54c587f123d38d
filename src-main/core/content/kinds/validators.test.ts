import { describe, expect, it } from 'vitest';
import type { ContentAsset } from '../../../../shared/contract/content';
import { validAssets } from '../../../../tests/helpers/content';
import { checkAsset } from '../check-asset';
import { numberPosts } from './x-thread';

const v = validAssets();
const check = (asset: ContentAsset) => checkAsset(asset.kind, asset, v.link(asset.kind));
const problems = (asset: ContentAsset) => {
  const r = check(asset);
  return r.ok ? [] : r.problems;
};
const chars = (n: number) => 'x'.repeat(n);

describe('the asset validators: each limit, at it and just past it', () => {
  it('accepts one valid asset of each kind', () => {
    for (const kind of ['video-script', 'x-thread', 'linkedin-post', 'email', 'instagram-carousel', 'mini-article'] as const) expect(problems(v[kind])).toEqual([]);
  });

  it('video script: 3–12 beats in time order, the link in the call to action', () => {
    const a = v['video-script'];
    expect(problems({ ...a, beats: a.beats.slice(0, 2) })).toEqual(['video-script.beats: needs at least 3 beats']);
    const twelve = Array.from({ length: 12 }, (_, i) => ({ at: i, text: 'b' }));
    expect(problems({ ...a, beats: twelve })).toEqual([]);
    expect(problems({ ...a, beats: [...twelve, { at: 12, text: 'b' }] })).toEqual(['video-script.beats: must have at most 12 beats']);
    expect(problems({ ...a, beats: [{ at: 0, text: 'a' }, { at: 5, text: 'b' }, { at: 5, text: 'c' }] })).toEqual(['video-script.beats.2.at: must be later than the beat before it (5 s)']);
    expect(problems({ ...a, cta: 'Buy now' })).toEqual([`video-script.cta: must contain the product link ${v.link('video-script')}`]);
  });

  it('X thread: posts within 280 characters, each numbered, one with the link', () => {
    const a = v['x-thread'];
    const at = `1/2 ${chars(276)}`;
    expect(at).toHaveLength(280);
    expect(problems({ ...a, posts: [at, a.posts[1]!] })).toEqual([]);
    expect(problems({ ...a, posts: [`${at}x`, a.posts[1]!] })).toEqual(['x-thread.posts.0: must be at most 280 characters']);
    expect(problems({ ...a, posts: ['first', a.posts[1]!] })).toEqual(['x-thread.posts.0: must start with its number "1/2"']);
    expect(problems({ ...a, posts: ['1/2 a', '2/2 b'] })).toEqual([`x-thread.posts: one post must contain the product link ${v.link('x-thread')}`]);
  });

  it('numberPosts splits a post too long for its number at whole words, every post within 280', () => {
    const posts = numberPosts([`${'word '.repeat(100)}end`, 'short']);
    expect(posts.map((p) => p.slice(0, 4))).toEqual(['1/3 ', '2/3 ', '3/3 ']);
    expect(posts.every((p) => p.length <= 280)).toBe(true);
    expect(posts[2]).toBe('3/3 short');
  });

  it('LinkedIn post: within 3,000 characters, with the link', () => {
    const a = v['linkedin-post'];
    const pad = (n: number) => `${a.text} ${chars(n - a.text.length - 1)}`;
    expect(problems({ ...a, text: pad(3000) })).toEqual([]);
    expect(problems({ ...a, text: pad(3001) })).toEqual(['linkedin-post.text: must be at most 3000 characters']);
    expect(problems({ ...a, text: 'no link' })).toEqual([`linkedin-post.text: must contain the product link ${v.link('linkedin-post')}`]);
  });

  it('email: subject ≤ 80, preview ≤ 140, a body, the call to action’s url is the link', () => {
    const a = v.email;
    expect(problems({ ...a, subject: chars(80), preview: chars(140) })).toEqual([]);
    expect(problems({ ...a, subject: chars(81) })).toEqual(['email.subject: must be at most 80 characters']);
    expect(problems({ ...a, preview: chars(141) })).toEqual(['email.preview: must be at most 140 characters']);
    expect(problems({ ...a, body: ' ' })).toEqual(['email.body: is required']);
    expect(problems({ ...a, cta: { text: 'Go', url: 'https://elsewhere.example' } })).toEqual([`email.cta.url: must be the product link ${v.link('email')}`]);
  });

  it('Instagram carousel: 5–10 slides of ≤ 200 characters, 3–30 hashtags, the link in the caption', () => {
    const a = v['instagram-carousel'];
    const slides = (n: number) => Array.from({ length: n }, () => chars(200));
    expect(problems({ ...a, slides: slides(5) })).toEqual([]);
    expect(problems({ ...a, slides: slides(10) })).toEqual([]);
    expect(problems({ ...a, slides: slides(4) })).toEqual(['instagram-carousel.slides: needs at least 5 slides']);
    expect(problems({ ...a, slides: slides(11) })).toEqual(['instagram-carousel.slides: must have at most 10 slides']);
    expect(problems({ ...a, slides: [...slides(4), chars(201)] })).toEqual(['instagram-carousel.slides.4: must be at most 200 characters']);
    expect(problems({ ...a, hashtags: ['#a', '#b'] })).toEqual(['instagram-carousel.hashtags: needs at least 3 hashtags']);
    expect(problems({ ...a, hashtags: ['#a', '#b', 'c'] })).toEqual(['instagram-carousel.hashtags.2: must be a # and a word of letters, digits or _ (e.g. #automation)']);
    expect(problems({ ...a, caption: 'no link' })).toEqual([`instagram-carousel.caption: must contain the product link ${v.link('instagram-carousel')}`]);
  });

  it('mini-article: title ≤ 70, meta description ≤ 160, a kebab-case slug, 2+ headings, the link in a section', () => {
    const a = v['mini-article'];
    expect(problems({ ...a, title: chars(70), metaDescription: chars(160) })).toEqual([]);
    expect(problems({ ...a, metaDescription: chars(161) })).toEqual(['mini-article.metaDescription: must be at most 160 characters']);
    expect(problems({ ...a, title: chars(71) })).toEqual(['mini-article.title: must be at most 70 characters']);
    expect(problems({ ...a, slug: 'Not A Slug' })).toEqual(['mini-article.slug: must be kebab-case: lowercase letters and digits joined by single hyphens']);
    expect(problems({ ...a, sections: a.sections.slice(1) })).toEqual(['mini-article.sections: needs at least 2 headings']);
    expect(problems({ ...a, sections: [{ heading: 'A', body: 'x' }, { heading: 'B', body: 'y' }] })).toEqual([`mini-article.sections: one section must contain the product link ${v.link('mini-article')}`]);
  });

  it('every kind: its link field must be the product link', () => {
    expect(problems({ ...v['linkedin-post'], link: 'https://other.example' })).toEqual([`linkedin-post.link: must be the product link ${v.link('linkedin-post')}`]);
  });
});
