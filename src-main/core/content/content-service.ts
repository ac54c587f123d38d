import { join } from 'node:path';
import { contentKinds, contentSeedSchema, type ContentAsset, type ContentEngineName, type ContentEngineStatus, type ContentKind, type ContentSeed, type ContentSet, type ProductSeo } from '../../../shared/contract/content';
import type { AiService } from '../ai';
import type { Clock } from '../clock';
import { badInput, CoreError } from '../errors';
import { uuidv7 } from '../ids';
import type { Logger } from '../logger';
import { AiEngine } from './ai-engine';
import type { ContentBrief, ContentEngine } from './content-engine';
import { withEditedAsset } from './edit-asset';
import { contentKind } from './kinds';
import { productPage } from './product-page';
import { productSeo } from '../../../shared/product-seo';
import { ContentSetStore } from './set-store';
import { setFolder, writeSetFiles } from './set-files';
import type { ContentSources } from './sources';
import { TemplateEngine } from './template-engine';
import { utmLink } from './utm-link';

export interface ContentDeps {
  dataDir: string;
  clock: Clock;
  log: Logger;
  sources: ContentSources;
  /** Read when the ai engine is asked: createCore makes the AI service after this one. */
  ai: AiService;
}

/** The content engine: an idea seed → the six assets (templates or the AI model), the history of sets, Markdown exports. */
export class ContentService {
  private readonly engines: Record<ContentEngineName, ContentEngine>;
  private readonly sets: ContentSetStore;

  constructor(private readonly deps: ContentDeps) {
    this.engines = { templates: new TemplateEngine(deps.dataDir), ai: new AiEngine(deps.ai) };
    this.sets = new ContentSetStore(deps.dataDir, deps.log);
  }

  /** Checks the seed, writes the six assets with the chosen engine, saves the set; bad input or a failed engine saves nothing. */
  async generate(input: unknown, engine: ContentEngineName = 'templates', signal?: AbortSignal): Promise<ContentSet> {
    const { seed, assets } = await this.compose(input, engine, signal);
    const at = this.deps.clock.now();
    const set: ContentSet = { id: uuidv7(at), at, engine, seed, assets };
    this.sets.save(set);
    this.deps.log.info({ set: set.id, product: seed.product, engine }, 'content set generated');
    return set;
  }

  /** The six assets for a seed, checked, without saving them (what generate saves; the speed target is this). */
  async compose(input: unknown, engine: ContentEngineName = 'templates', signal?: AbortSignal): Promise<{ seed: ContentSeed; assets: ContentAsset[] }> {
    const brief = this.brief(input);
    return { seed: brief.seed, assets: await this.engines[engine].generate(brief, signal) };
  }

  /** The seed checked and the product found, with each asset's link: what both engines write from. */
  brief(input: unknown): ContentBrief {
    const parsed = contentSeedSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.') || 'seed';
      throw badInput(field, issue.code === 'unrecognized_keys' ? `is not a known field (${issue.keys.join(', ')})` : issue.message);
    }
    const seed = parsed.data;
    const product = this.deps.sources.product(seed.product);
    if (!product) throw badInput('product', `no valid product has slug "${seed.product}" (levqor product list)`);
    const page = productPage(product.slug, this.deps.sources.siteUrl(), product.gumroadUrl);
    const links = Object.fromEntries(contentKinds.map((kind) => [kind, utmLink(page, product.slug, kind, contentKind(kind).utm)])) as Record<ContentKind, string>;
    return { seed, product, links };
  }

  /** The product's SEO as the companion site uses it, and what is missing or too long. */
  seo(slug: string): ProductSeo {
    const spec = this.deps.sources.spec(slug);
    if (!spec) throw badInput('slug', `no valid product has slug "${slug}" (levqor product list)`);
    const siteUrl = this.deps.sources.siteUrl();
    let page: string | null;
    try {
      page = productPage(slug, siteUrl, spec.gumroad?.url);
    } catch {
      page = null;
    }
    return productSeo(spec, page, siteUrl);
  }

  list(product: string | undefined, limit: number): ContentSet[] {
    return this.sets.list(product, limit);
  }

  /** Writes a set as Markdown, one file per asset, into `<content folder>/marketing/<set id>/`; the product's newest set when no id is given. */
  export(product: string, id?: string): { id: string; dir: string; files: string[] } {
    if (!this.deps.sources.product(product)) throw badInput('product', `no valid product has slug "${product}" (levqor product list)`);
    const sets = this.sets.list(product, Number.MAX_SAFE_INTEGER);
    const set = id === undefined ? sets[0] : sets.find((s) => s.id === id);
    if (!set) throw id === undefined ? new CoreError('NOT_FOUND', `product: "${product}" has no generated content yet (levqor content generate)`, 'product') : new CoreError('NOT_FOUND', `id: "${product}" has no generated set "${id}" (levqor content list --product ${product})`, 'id');
    const contentDir = this.deps.sources.contentDir(product);
    return { id: set.id, dir: join(contentDir, setFolder(set)), files: writeSetFiles(contentDir, set).map((name) => join(contentDir, setFolder(set), name)) };
  }

  /** A saved set by its id, whichever product it is for. */
  get(setId: string, field = 'setId'): ContentSet {
    const set = this.sets.find(setId);
    if (!set) throw new CoreError('NOT_FOUND', `${field}: no generated set has id "${setId}" (content.list)`, field);
    return set;
  }

  /** Replaces one asset of a saved set with an edited one that passes its kind's validator; refused whole otherwise. */
  saveAsset(setId: string, kind: ContentKind, edited: Record<string, unknown>): ContentSet {
    const set = withEditedAsset(this.get(setId), kind, edited);
    this.sets.save(set);
    this.deps.log.info({ set: set.id, kind }, 'content asset edited');
    return set;
  }

  /** Writes a saved set's assets (of `kinds`, else all) into its product's content folder; the names are relative to that folder. */
  writeFiles(set: ContentSet, kinds?: readonly ContentKind[]): { folder: string; files: string[] } {
    if (!this.deps.sources.product(set.seed.product)) throw badInput('setId', `the set's product "${set.seed.product}" is no longer a valid product (levqor product list)`);
    return { folder: setFolder(set), files: writeSetFiles(this.deps.sources.contentDir(set.seed.product), set, kinds) };
  }

  /** Whether each engine can write now: templates always; ai once the model is set and the feature content is on. */
  engineStatus(): ContentEngineStatus[] {
    const ai = this.deps.ai.status();
    const reason = ai.reason ?? (ai.features.content ? null : 'The AI feature content is turned off (setting ai.features).');
    return [
      { name: 'templates', available: true, reason: null },
      { name: 'ai', available: reason === null, reason },
    ];
  }
}
