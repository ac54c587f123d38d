import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatSpecErrors, validateProductSpec, type ProductSpec, type SpecError } from '../../../shared/product';
import { CoreError } from '../errors';
import { writeFileAtomic } from './atomic-write';
import { containedSpecPaths } from './contained-paths';
import { specPaths, specSuffix, type ProductsLayout } from './layout';
import { jsonSyntaxReason } from '../../../shared/json-error';
import { isFolder } from '../fs/is-folder';

export interface SpecCheck {
  file: string;
  valid: boolean;
  errors: SpecError[];
  spec?: ProductSpec;
}

export interface StoredProduct {
  slug: string;
  file: string;
  contentDir: string;
  hasContent: boolean;
  check: SpecCheck;
}

/** Field order on disk: the order, so diffs of spec files stay small. */
const fieldOrder: Array<keyof ProductSpec> = ['slug', 'name', 'price', 'currency', 'description', 'tags', 'status', 'version', 'launchDate', 'seo', 'gumroad'];

export function specFileText(spec: ProductSpec): string {
  const ordered: Record<string, unknown> = {};
  for (const key of fieldOrder) if (spec[key] !== undefined) ordered[key] = spec[key];
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Reads and checks one spec file: JSON, the schema, and that the slug matches the file name. */
export function checkSpecFile(file: string): SpecCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CoreError('NOT_FOUND', `${file} does not exist`, 'file');
    const reason = code ? `cannot be read (${code})` : jsonSyntaxReason(err);
    return { file, valid: false, errors: [{ path: '', message: reason }] };
  }
  const result = validateProductSpec(raw);
  const errors: SpecError[] = [...result.errors];
  const name = basename(file);
  if (name.endsWith(specSuffix) && result.valid && result.spec.slug !== name.slice(0, -specSuffix.length)) {
    errors.push({ path: 'slug', message: `must match the file name (${name.slice(0, -specSuffix.length)})` });
  }
  return errors.length === 0 && result.valid ? { file, valid: true, errors: [], spec: result.spec } : { file, valid: false, errors };
}

/** The spec files of the products folder: `<slug>.product.json` beside the content folder `<slug>/`. */
export class SpecRepository {
  constructor(private readonly layout: () => ProductsLayout) {}

  get productsDir(): string {
    return this.layout().productsDir;
  }

  list(): StoredProduct[] {
    const dir = this.productsDir;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    return names
      .filter((n) => n.endsWith(specSuffix) && n.length > specSuffix.length)
      .sort()
      .map((n) => this.stored(n.slice(0, -specSuffix.length)));
  }

  /** A product's spec, which must exist and be valid. */
  read(slug: string): { spec: ProductSpec; file: string; contentDir: string } {
    const { specFile, contentDir } = containedSpecPaths(this.layout(), slug);
    if (!existsSync(specFile)) throw notFound(slug, specFile);
    const check = checkSpecFile(specFile);
    if (!check.valid || !check.spec) {
      throw new CoreError('BAD_INPUT', `${specFile}: ${formatSpecErrors(check.errors)}`, check.errors[0]?.path || undefined);
    }
    return { spec: check.spec, file: specFile, contentDir };
  }

  /** A product as listed: one whose spec or content folder leads outside is shown invalid, unread. */
  stored(slug: string): StoredProduct {
    const { specFile, contentDir } = specPaths(this.layout(), slug);
    try {
      containedSpecPaths(this.layout(), slug);
    } catch (err) {
      if (!(err instanceof CoreError)) throw err;
      return { slug, file: specFile, contentDir, hasContent: false, check: { file: specFile, valid: false, errors: [{ path: '', message: err.message }] } };
    }
    return { slug, file: specFile, contentDir, hasContent: isFolder(contentDir), check: checkSpecFile(specFile) };
  }

  /** A product's spec checked but not required valid; the product must exist. */
  check(slug: string): SpecCheck {
    const { specFile } = specPaths(this.layout(), slug);
    if (!existsSync(specFile)) throw notFound(slug, specFile);
    return this.stored(slug).check;
  }

  exists(slug: string): boolean {
    return existsSync(specPaths(this.layout(), slug).specFile);
  }

  create(spec: ProductSpec): void {
    const { specFile, contentDir } = containedSpecPaths(this.layout(), spec.slug);
    if (existsSync(specFile)) throw new CoreError('CONFLICT', `slug: a product "${spec.slug}" already exists (${specFile})`, 'slug');
    mkdirSync(this.productsDir, { recursive: true });
    writeFileAtomic(specFile, specFileText(spec));
    mkdirSync(contentDir, { recursive: true });
  }

  update(spec: ProductSpec): void {
    const { specFile } = containedSpecPaths(this.layout(), spec.slug);
    if (!existsSync(specFile)) throw notFound(spec.slug, specFile);
    writeFileAtomic(specFile, specFileText(spec));
  }
}

function notFound(slug: string, file: string): CoreError {
  return new CoreError('NOT_FOUND', `no product "${slug}" (${file} does not exist)`, 'slug');
}

