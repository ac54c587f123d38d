import { commaList, defaultProductVersion, productStatuses, validateProductSpec, type ProductSpec, type SpecError } from '../../../../shared/product';
import { numberFromText } from '../../format/number';

export { slugFromName } from '../../../../shared/product';

/** The Launches form as typed: every control holds text; the spec is built from it on each change. */
export interface ProductFormValues {
  slug: string;
  name: string;
  price: string;
  description: string;
  tags: string;
  currency: string;
  status: (typeof productStatuses)[number];
  version: string;
  /** YYYY-MM-DD, or empty. */
  launchDate: string;
  seoTitle: string;
  seoDescription: string;
  seoKeywords: string;
  gumroadUrl: string;
}

export type FormField = keyof ProductFormValues;

export const emptyForm: ProductFormValues = {
  slug: '',
  name: '',
  price: '',
  description: '',
  tags: '',
  currency: '',
  status: 'draft',
  version: defaultProductVersion,
  launchDate: '',
  seoTitle: '',
  seoDescription: '',
  seoKeywords: '',
  gumroadUrl: '',
};

/** A spec's values in the form (for editing). */
export function formFromSpec(spec: ProductSpec): ProductFormValues {
  return {
    slug: spec.slug,
    name: spec.name,
    price: String(spec.price),
    description: spec.description,
    tags: spec.tags.join(', '),
    currency: spec.currency ?? '',
    status: spec.status,
    version: spec.version,
    launchDate: spec.launchDate ?? '',
    seoTitle: spec.seo?.title ?? '',
    seoDescription: spec.seo?.description ?? '',
    seoKeywords: spec.seo?.keywords.join(', ') ?? '',
    gumroadUrl: spec.gumroad?.url ?? '',
  };
}

/**
 * The spec input the form stands for: exactly what the API would get. The price is a number
 * when it reads as one, otherwise the text itself so the schema says "must be a number".
 * Optional groups are left out while all their controls are empty.
 */
export function specFromForm(v: ProductFormValues): Record<string, unknown> {
  const spec: Record<string, unknown> = {
    slug: v.slug.trim(),
    name: v.name,
    price: v.price.trim() === '' ? undefined : numberFromText(v.price),
    description: v.description,
    tags: commaList(v.tags),
    status: v.status,
    version: v.version.trim() === '' ? defaultProductVersion : v.version.trim(),
  };
  if (v.currency.trim() !== '') spec.currency = v.currency.trim();
  if (v.launchDate.trim() !== '') spec.launchDate = v.launchDate.trim();
  if ([v.seoTitle, v.seoDescription, v.seoKeywords].some((s) => s.trim() !== '')) {
    spec.seo = { title: v.seoTitle, description: v.seoDescription, keywords: commaList(v.seoKeywords) };
  }
  if (v.gumroadUrl.trim() !== '') spec.gumroad = { url: v.gumroadUrl.trim() };
  return spec;
}

/** The form control a spec error path belongs to (`tags.1` → tags, `seo.title` → seoTitle). */
export function fieldForPath(path: string): FormField | undefined {
  const [head, sub] = path.split('.');
  switch (head) {
    case 'slug':
    case 'name':
    case 'price':
    case 'description':
    case 'tags':
    case 'currency':
    case 'status':
    case 'version':
    case 'launchDate':
      return head;
    case 'seo':
      return sub === 'description' ? 'seoDescription' : sub === 'keywords' ? 'seoKeywords' : 'seoTitle';
    case 'gumroad':
      return 'gumroadUrl';
    default:
      return undefined;
  }
}

export interface FormCheck {
  valid: boolean;
  spec: ProductSpec | undefined;
  /** Errors per control, each as the API would word it; `form` holds those that fit none. */
  errors: Partial<Record<FormField | 'form', SpecError[]>>;
}

/** Validates the form with the shared zod schema, the same one the API and the CLI use. */
export function checkForm(v: ProductFormValues): FormCheck {
  const result = validateProductSpec(specFromForm(v));
  if (result.valid) return { valid: true, spec: result.spec, errors: {} };
  const errors: FormCheck['errors'] = {};
  for (const error of result.errors) {
    const key = fieldForPath(error.path) ?? 'form';
    (errors[key] ??= []).push(error);
  }
  return { valid: false, spec: undefined, errors };
}

const fieldPaths: Record<FormField, string> = {
  slug: 'slug',
  name: 'name',
  price: 'price',
  description: 'description',
  tags: 'tags',
  currency: 'currency',
  status: 'status',
  version: 'version',
  launchDate: 'launchDate',
  seoTitle: 'seo.title',
  seoDescription: 'seo.description',
  seoKeywords: 'seo.keywords',
  gumroadUrl: 'gumroad.url',
};

/** One error line: the message alone under its own control, with its path when it is about a part (`tags.1`). */
export function errorText(field: FormField | 'form', error: SpecError): string {
  const own = field !== 'form' && error.path === fieldPaths[field];
  return own || error.path === '' ? error.message : `${error.path}: ${error.message}`;
}

