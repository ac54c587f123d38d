import { fitWords } from '../../../shared/fit-words';
import type { TemplateVars } from './content-kind';

export function kebab(text: string, max: number): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '') || 'post';
}

export interface VarsInput {
  seed: string;
  audience: string;
  tone: string;
  product: { name: string; price: number; currency: string; tags: readonly string[] };
}

/** What a template may use for one asset (the link differs per asset). */
export function templateVars(input: VarsInput, link: string): TemplateVars {
  const { product } = input;
  return {
    seed: input.seed,
    title: fitWords(input.seed, 60),
    headline: fitWords(input.seed, 120),
    summary: fitWords(input.seed, 150),
    seedSlug: kebab(input.seed, 60),
    product: product.name,
    price: `${product.price} ${product.currency}`,
    audience: input.audience || 'founders',
    tone: input.tone,
    link,
    hashtags: product.tags.map((t) => `#${t.replace(/[^\p{L}\p{N}_]+/gu, '')}`).filter((t) => t.length > 1).join(' '),
  };
}

/** Every text in a template with its `{{ name }}` filled; an unknown name is left as written so the validator shows it. */
export function fillTemplate(template: unknown, vars: TemplateVars): unknown {
  if (typeof template === 'string') return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in vars ? vars[name as keyof TemplateVars] : whole));
  if (Array.isArray(template)) return template.map((t) => fillTemplate(t, vars));
  if (template && typeof template === 'object') return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fillTemplate(v, vars)]));
  return template;
}
