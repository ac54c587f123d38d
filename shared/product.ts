import { z } from 'zod';

/**
 * A product spec: `products/<slug>.product.json` (the seed's "Repeatable Launch
 * Pattern"). The same schema validates the file on disk, the API input, the CLI and, live, the
 * Launches form in the renderer. Unknown fields are errors so a typo ("prcie") never passes.
 */

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const semverPattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export const productStatuses = ['draft', 'ready', 'launched'] as const;
export const defaultProductVersion = '1.0.0';

const text = (max: number) =>
  z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

const tag = z.string({ error: () => 'must be text' }).trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters');

/**
 * A comma-separated list as typed (`launch, , templates,`): each item trimmed, the empty ones
 * dropped, since a stray comma is a slip and not a tag.
 */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** True when `n` has at most two decimals (19.99 yes, 19.999 no), allowing for binary floats. */
export function hasAtMostTwoDecimals(n: number): boolean {
  return Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
}

/** Suggests a slug from a name: "Ascend Launch System" → "ascend-launch-system" (at most `max` characters). */
export function slugFromName(name: string, max = 64): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

export const productSlugSchema = z
  .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(slugPattern, 'must be kebab-case: lowercase letters and digits joined by single hyphens (e.g. ascend-launch-system)');

export const productSpecSchema = z
  .object({
    slug: productSlugSchema,
    name: text(120),
    price: z
      .number({ error: (i) => (i.input === undefined ? 'is required' : 'must be a number (USD, e.g. 17 or 19.99)') })
      .positive('must be greater than 0')
      .max(1_000_000, 'must be at most 1000000')
      .refine(hasAtMostTwoDecimals, 'must have at most two decimals'),
    description: text(5000),
    tags: z
      .array(tag, { error: (i) => (i.input === undefined ? 'is required' : 'must be a list of text') })
      .min(1, 'needs at least one tag')
      .max(30, 'must have at most 30 tags'),
    currency: z
      .string({ error: () => 'must be text' })
      .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code in capitals (e.g. USD)')
      .optional(),
    status: z.enum(productStatuses, { error: () => 'must be draft, ready or launched' }).default('draft'),
    /** The day the founder means to launch (UTC), read by the insights (a draft with no Omega images a day before). */
    launchDate: z
      .string({ error: () => 'must be text' })
      .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date written YYYY-MM-DD, such as 2026-03-14')
      .refine((d) => {
        // runs on text the pattern refused too: an unparsable date must not throw here
        const t = Date.parse(`${d}T00:00:00Z`);
        return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
      }, 'must be a real date')
      .optional(),
    version: z
      .string({ error: () => 'must be text' })
      .regex(semverPattern, 'must be a semantic version such as 1.0.0')
      .default(defaultProductVersion),
    seo: z
      .object(
        {
          title: text(70),
          description: text(160),
          keywords: z.array(tag, { error: () => 'must be a list of text' }).default([]),
        },
        { error: () => 'must be an object { title, description, keywords }' },
      )
      .strict()
      .optional(),
    gumroad: z
      .object({ url: z.url({ protocol: /^https$/, error: () => 'must be an https:// URL' }) }, { error: () => 'must be an object { url }' })
      .strict()
      .optional(),
  }, { error: () => 'must be a JSON object' })
  .strict();

export type ProductSpec = z.output<typeof productSpecSchema>;
export type ProductSpecInput = z.input<typeof productSpecSchema>;

export interface SpecError {
  /** Dotted field path (`tags.1`, `seo.title`); empty for the whole document. */
  path: string;
  message: string;
}

export type SpecValidation = { valid: true; spec: ProductSpec; errors: [] } | { valid: false; errors: SpecError[] };

/** Every problem with a spec, one per field, in document order. */
export function validateProductSpec(raw: unknown): SpecValidation {
  const parsed = productSpecSchema.safeParse(raw);
  if (parsed.success) return { valid: true, spec: parsed.data, errors: [] };
  const errors: SpecError[] = [];
  for (const issue of parsed.error.issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: [...base, key].join('.'), message: 'is not a known field' });
    } else {
      errors.push({ path: base.join('.'), message: issue.message });
    }
  }
  return { valid: false, errors };
}

/** One line per error: `price: must be greater than 0`. */
export function formatSpecErrors(errors: readonly SpecError[]): string {
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
}
