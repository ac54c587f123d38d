import { contentLimits, instagramCarouselSchema } from '../../../../shared/contract/content';
import { defineContentKind, linkProblems, textOf, textsOf } from '../content-kind';

/** The hashtags a template writes as one text, each once, at most as many as Instagram takes. */
function hashtagList(text: string): string[] {
  return [...new Set(text.split(/\s+/).filter(Boolean))].slice(0, contentLimits.hashtags.max);
}

/** An Instagram carousel: 5–10 slides of short text, a caption with the link, hashtags. */
export const instagramCarouselKind = defineContentKind({
  kind: 'instagram-carousel',
  title: 'Instagram carousel',
  description: `${contentLimits.carouselSlides.min}–${contentLimits.carouselSlides.max} slides of at most ${contentLimits.carouselSlide} characters, a caption (≤ ${contentLimits.carouselCaption}) carrying the link, ${contentLimits.hashtags.min}–${contentLimits.hashtags.max} hashtags.`,
  utm: { source: 'instagram', medium: 'social' },
  schema: instagramCarouselSchema,
  problems: (a, link) => linkProblems('caption', a.caption, link),
  fromTemplate: (t, vars) => ({ kind: 'instagram-carousel', slides: textsOf(t.slides), caption: textOf(t.caption), hashtags: hashtagList(textOf(t.hashtags)), link: vars.link }),
  markdown: (a) => ['# Instagram carousel', '', ...a.slides.map((s, i) => `${i + 1}. ${s}`), '', '## Caption', '', a.caption, '', a.hashtags.join(' ')].join('\n'),
});
