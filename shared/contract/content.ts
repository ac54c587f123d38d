import { z } from 'zod';
import { productSlugSchema } from '../product';
import { howMany, noInput, recordId } from './common';
import { procedure } from './procedure';

/** The six assets one seed becomes, in the order they are shown and exported. */
export const contentKinds = ['video-script', 'x-thread', 'linkedin-post', 'email', 'instagram-carousel', 'mini-article'] as const;
export type ContentKind = (typeof contentKinds)[number];

export const contentEngines = ['templates', 'ai'] as const;
export type ContentEngineName = (typeof contentEngines)[number];

/** The limits every engine's assets are held to (the validators read them from here). */
export const contentLimits = {
  xPost: 280,
  xPosts: { min: 2, max: 12 },
  linkedinPost: 3000,
  carouselSlides: { min: 5, max: 10 },
  carouselSlide: 200,
  carouselCaption: 2200,
  hashtags: { min: 3, max: 30 },
  metaDescription: 160,
  articleTitle: 70,
  emailSubject: 80,
  emailPreview: 140,
  videoBeats: { min: 3, max: 12 },
} as const;

const line = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const prose = z.string().trim().min(1, 'is required');

/** A list of `noun` holding from `count.min` to `count.max` items, each refused in those words. */
function between<T extends z.ZodType>(item: T, count: { min: number; max: number }, noun: string) {
  return z.array(item).min(count.min, `needs at least ${count.min} ${noun}`).max(count.max, `must have at most ${count.max} ${noun}`);
}

export const videoScriptSchema = z.object({
  kind: z.literal('video-script'),
  title: line(100),
  hook: line(300),
  /** Each beat starts `at` seconds into the video; beats run in order. */
  beats: between(z.object({ at: z.number().int().min(0).max(600), text: line(600) }), contentLimits.videoBeats, 'beats'),
  cta: line(300),
  link: z.string(),
});

export const xThreadSchema = z.object({
  kind: z.literal('x-thread'),
  /** Each post begins with its number, "1/5 ". */
  posts: between(line(contentLimits.xPost), contentLimits.xPosts, 'posts'),
  link: z.string(),
});

export const linkedinPostSchema = z.object({ kind: z.literal('linkedin-post'), text: line(contentLimits.linkedinPost), link: z.string() });

export const emailSchema = z.object({
  kind: z.literal('email'),
  subject: line(contentLimits.emailSubject),
  preview: line(contentLimits.emailPreview),
  body: prose,
  cta: z.object({ text: line(60), url: z.string() }),
  link: z.string(),
});

export const instagramCarouselSchema = z.object({
  kind: z.literal('instagram-carousel'),
  slides: between(line(contentLimits.carouselSlide), contentLimits.carouselSlides, 'slides'),
  caption: line(contentLimits.carouselCaption),
  // a refinement, not a regex: a model server's JSON Schema pattern may not know Unicode classes, and any language's letters count
  hashtags: between(z.string().refine((t) => /^#[\p{L}\p{N}_]{1,50}$/u.test(t), 'must be a # and a word of letters, digits or _ (e.g. #automation)'), contentLimits.hashtags, 'hashtags'),
  link: z.string(),
});

export const miniArticleSchema = z.object({
  kind: z.literal('mini-article'),
  title: line(contentLimits.articleTitle),
  metaDescription: line(contentLimits.metaDescription),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters and digits joined by single hyphens').max(80, 'must be at most 80 characters'),
  /** The article's sections, each a heading and its paragraph. */
  sections: between(z.object({ heading: line(120), body: prose }), { min: 2, max: 8 }, 'headings'),
  link: z.string(),
});

export const contentAssetSchema = z.discriminatedUnion('kind', [videoScriptSchema, xThreadSchema, linkedinPostSchema, emailSchema, instagramCarouselSchema, miniArticleSchema]);
export type ContentAsset = z.infer<typeof contentAssetSchema>;
export type ContentAssetOf<K extends ContentKind> = Extract<ContentAsset, { kind: K }>;

/** An idea seed: one sentence about one product, and how to say it. */
export const contentSeedSchema = z
  .object({
    seed: z.string({ error: () => 'is required' }).trim().min(1, 'is required: one sentence with the idea').max(500, 'must be at most 500 characters'),
    product: productSlugSchema,
    audience: z.string().trim().max(200, 'must be at most 200 characters').default(''),
    tone: z.string().trim().max(60, 'must be at most 60 characters').default(''),
    language: z.string().trim().max(40, 'must be at most 40 characters').default(''),
  })
  .strict();
export type ContentSeed = z.output<typeof contentSeedSchema>;

/** A set's id: a UUIDv7. */
const setIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A generated set as the history keeps it. */
export const contentSetSchema = z.object({
  /** A UUIDv7: also the set's file name and its export folder's, so nothing else is taken for one. */
  id: z.string().regex(setIdPattern, 'must be a set id'),
  at: z.number().int(),
  engine: z.enum(contentEngines),
  seed: contentSeedSchema,
  assets: z.array(contentAssetSchema),
});
export type ContentSet = z.infer<typeof contentSetSchema>;

export const contentProcedures = {
  'content.generate': procedure({
    summary: 'Turns an idea seed (one sentence, a product, audience, tone, language) into the six assets — video script, X thread, LinkedIn post, email, Instagram carousel, mini-article — each checked and linking to the product’s page with UTM tags; saved in the product’s history.',
    input: contentSeedSchema.extend({ engine: z.enum(contentEngines, { error: () => 'must be templates or ai' }).default('templates') }).strict(),
    output: contentSetSchema,
  }),
  'content.list': procedure({
    summary: 'The generated sets, newest first; of one product when given.',
    input: z.object({ product: productSlugSchema.optional(), limit: howMany(500, 50) }).strict(),
    output: z.object({ sets: z.array(contentSetSchema) }),
  }),
  'content.export': procedure({
    summary: 'Writes a generated set as Markdown files, one per asset, into its product’s content folder (marketing/<set id>/); the newest set of the product when no id is given.',
    input: z.object({ product: productSlugSchema, id: recordId.optional() }).strict(),
    output: z.object({ id: z.string(), dir: z.string(), files: z.array(z.string()) }),
  }),
};

/** A set's id as a caller names it (a UUIDv7, also its file and folder name). */
const setIdSchema = z.string({ error: () => 'is required' }).regex(setIdPattern, 'must be a set id from the history (content.list)');

/** An engine the founder may pick, or why not now (the ai engine without a model). */
export const contentEngineStatusSchema = z.object({ name: z.enum(contentEngines), available: z.boolean(), reason: z.string().nullable() });
export type ContentEngineStatus = z.infer<typeof contentEngineStatusSchema>;

/** The Content area's procedures: none takes or answers a path of this machine, so the renderer may call them. */
export const contentAreaProcedures = {
  'content.engines': procedure({
    summary: 'The two content engines and whether each can write now: templates always; ai only when the AI model is set and its feature content is on (else why not).',
    input: noInput,
    output: z.object({ engines: z.array(contentEngineStatusSchema) }),
  }),
  'content.saveAsset': procedure({
    summary: 'Replaces one asset of a generated set with an edited one, checked by the same validator as generation (limits, required parts, the link); a broken rule is refused naming the field and nothing is saved.',
    input: z.object({ setId: setIdSchema, kind: z.enum(contentKinds, { error: () => `must be one of ${contentKinds.join(', ')}` }), asset: z.record(z.string(), z.unknown()) }).strict(),
    output: contentSetSchema,
  }),
  'content.exportSet': procedure({
    summary: 'Writes a generated set as Markdown files, one per asset, into its own product’s content folder (marketing/<set id>/) and answers the folder and file names, never a path of this machine.',
    input: z.object({ setId: setIdSchema }).strict(),
    output: z.object({ setId: z.string(), product: z.string(), folder: z.string(), files: z.array(z.string()) }),
  }),
};

/** What search results and link previews show of a product, and what is missing or too long. */
export const productSeoSchema = z.object({
  slug: z.string(),
  title: z.string(),
  metaDescription: z.string(),
  /** The spec's seo.keywords, then its tags, each once. */
  keywords: z.array(z.string()),
  openGraph: z.object({ 'og:title': z.string(), 'og:description': z.string(), 'og:type': z.literal('product'), 'og:url': z.string().nullable(), 'og:image': z.string() }),
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type ProductSeo = z.infer<typeof productSeoSchema>;

export const contentSeoProcedures = {
  'content.seo': procedure({
    summary: 'A product’s SEO as the companion site uses it — title, meta description (≤ 160), keywords from its tags, Open Graph fields — and what is missing or too long.',
    input: z.object({ slug: productSlugSchema }).strict(),
    output: productSeoSchema,
  }),
};
