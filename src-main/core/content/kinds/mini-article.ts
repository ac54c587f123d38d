import { contentLimits, miniArticleSchema } from '../../../../shared/contract/content';
import { defineContentKind, textOf } from '../content-kind';

/** A short article for the site: title, meta description ≤ 160, slug, headed sections, the link in the text. */
export const miniArticleKind = defineContentKind({
  kind: 'mini-article',
  title: 'Mini-article',
  description: `Title (≤ ${contentLimits.articleTitle}), meta description (≤ ${contentLimits.metaDescription}), a kebab-case slug, 2–8 sections each with a heading; one section carries the link.`,
  utm: { source: 'blog', medium: 'article' },
  schema: miniArticleSchema,
  problems: (a, link) => (a.sections.some((s) => s.body.includes(link)) ? [] : [`sections: one section must contain the product link ${link}`]),
  fromTemplate: (t, vars) => ({
    kind: 'mini-article',
    title: textOf(t.title),
    metaDescription: textOf(t.metaDescription),
    slug: vars.seedSlug,
    sections: Array.isArray(t.sections) ? t.sections.map((s: { heading?: unknown; body?: unknown }) => ({ heading: textOf(s.heading), body: textOf(s.body) })) : [],
    link: vars.link,
  }),
  markdown: (a) => ['---', `title: ${JSON.stringify(a.title)}`, `description: ${JSON.stringify(a.metaDescription)}`, `slug: ${a.slug}`, '---', '', `# ${a.title}`, '', ...a.sections.flatMap((s) => [`## ${s.heading}`, '', s.body, ''])].join('\n').trimEnd(),
});
