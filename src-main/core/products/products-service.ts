import { resolve } from 'node:path';
import type { Checklist, CompileResult, OmegaPackResult, ProductDetail, ProductSummary, UploadRecord } from '../../../shared/contract/products';
import type { ProductSpec, SpecError } from '../../../shared/product';
import { productSlugSchema, validateProductSpec } from '../../../shared/product';
import type { BackgroundTask } from '../background';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets';
import type { SettingsService } from '../settings';
import type { StageService } from '../stage';
import { BuildStore } from './build-store';
import { buildChecklist } from './checklist';
import { compileProduct } from './compile';
import { createOmegaRootPack } from './omega-root-pack';
import { DroppedFiles } from './dropped-files';
import type { UploadTuning } from './drive/upload-job';
import { containedConfigDir, containedOmegaRoot, containedProductPaths } from './contained-paths';
import { productsLayout, type ProductsLayout } from './layout';
import { setDriveUrl } from './site-config';
import { checkSpecFile, SpecRepository } from './spec-repository';
import { sweepStaleTemps } from './temp-sweep';
import type { ApprovalPort } from './upload-approval';
import { UploadService } from './upload-service';
import { UploadStore } from './upload-store';

export interface ProductsDeps {
  dataDir: string;
  db: Db;
  settings: SettingsService;
  secrets: SecretStore;
  stage: StageService;
  events: EventBus;
  clock: Clock;
  log: Logger;
  uploadTuning?: UploadTuning;
  /** How often the background task looks for due uploads. */
  uploadPollMs?: number;
}

/** The Launches capability: product specs, the compile pipeline and the Drive upload queue. */
export class ProductsService {
  readonly specs: SpecRepository;
  readonly uploads: UploadService;
  /** Files dropped onto a product from a page: its content folder, its Omega slots. */
  readonly files: DroppedFiles;
  private readonly builds: BuildStore;
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: ProductsDeps) {
    this.specs = new SpecRepository(() => this.layout());
    this.builds = new BuildStore(deps.db);
    this.files = new DroppedFiles({ layout: () => this.layout(), specs: this.specs, events: deps.events, clock: deps.clock });
    this.uploads = new UploadService({
      store: new UploadStore(deps.db),
      secrets: deps.secrets,
      settings: deps.settings,
      stage: deps.stage,
      events: deps.events,
      clock: deps.clock,
      log: deps.log,
      ...(deps.uploadTuning ? { tuning: deps.uploadTuning } : {}),
      onDone: (u) => this.uploadDone(u),
    });
    // switching to post-launch: uploads waiting for approval no longer need it
    deps.events.on('stage.changed', ({ stage }) => {
      if (stage === 'post-launch') this.uploads.releaseForPostLaunch();
    });
  }

  /** Pre-launch uploads ask the approval system; createCore connects it once the engine exists. */
  connectApprovals(approvals: ApprovalPort): void {
    this.uploads.connectApprovals(approvals);
  }

  /** Read each time: the setting (or LEVQOR_PRODUCTS_DIR, or --products-dir) may change. */
  layout(): ProductsLayout {
    return productsLayout(this.deps.settings.get('productsDir'), this.deps.dataDir);
  }

  list(): { productsDir: string; products: ProductSummary[] } {
    const products = this.specs.list().map((p): ProductSummary => {
      const spec = p.check.spec;
      const lastBuild = this.builds.latest(p.slug);
      const upload = this.uploads.latest(p.slug);
      return {
        slug: p.slug,
        file: p.file,
        contentDir: p.contentDir,
        hasContent: p.hasContent,
        valid: p.check.valid,
        errors: p.check.errors,
        ...(spec ? { name: spec.name, price: spec.price, ...(spec.currency ? { currency: spec.currency } : {}), status: spec.status, version: spec.version } : {}),
        ...(lastBuild ? { lastBuild } : {}),
        ...(upload ? { upload } : {}),
      };
    });
    return { productsDir: this.layout().productsDir, products };
  }

  get(slug: string): ProductDetail {
    const { spec, file, contentDir } = this.specs.read(slug);
    const stored = this.specs.stored(slug);
    const lastBuild = this.builds.latest(slug);
    const upload = this.uploads.latest(slug);
    return { spec, file, contentDir, hasContent: stored.hasContent, ...(lastBuild ? { lastBuild } : {}), ...(upload ? { upload } : {}) };
  }

  create(spec: ProductSpec): ProductDetail {
    this.specs.create(spec);
    this.deps.events.emit('products.changed', { slug: spec.slug });
    return this.get(spec.slug);
  }

  update(spec: ProductSpec): ProductDetail {
    this.specs.update(spec);
    this.deps.events.emit('products.changed', { slug: spec.slug });
    return this.get(spec.slug);
  }

  validate(input: { slug?: string; file?: string; spec?: unknown }): { valid: boolean; errors: SpecError[]; file?: string } {
    if (input.spec !== undefined) {
      const { valid, errors } = validateProductSpec(input.spec);
      return { valid, errors };
    }
    if (input.slug === undefined) {
      // a file the caller names is read wherever it is: they chose it, no link led there
      const { valid, errors, file } = checkSpecFile(resolve(input.file ?? ''));
      return { valid, errors, file };
    }
    const slug = productSlugSchema.safeParse(input.slug);
    if (!slug.success) throw new CoreError('BAD_INPUT', `slug: ${slug.error.issues[0]?.message ?? 'is invalid'}`, 'slug');
    const { valid, errors, file } = this.specs.check(input.slug);
    return { valid, errors, file };
  }

  async compile(slug: string, options: { upload: boolean; signal?: AbortSignal }): Promise<CompileResult> {
    if (this.running.has(slug)) throw new CoreError('CONFLICT', `slug: ${slug} is being compiled already`, 'slug');
    const controller = new AbortController();
    this.running.set(slug, controller);
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    try {
      const layout = this.layout();
      const { specs, builds, uploads } = this;
      const { events, clock } = this.deps;
      return await compileProduct({ layout, specs, builds, uploads, events, clock }, slug, { upload: options.upload, signal });
    } catch (err) {
      if (signal.aborted && !(err instanceof CoreError && err.code === 'CANCELLED')) {
        throw new CoreError('CANCELLED', `the compile of ${slug} was cancelled`);
      }
      throw err;
    } finally {
      this.running.delete(slug);
    }
  }

  /** Removes the temps of compiles that were killed mid-write; createCore calls it at start-up. */
  sweepTemps(): void {
    const removed = sweepStaleTemps(this.layout());
    if (removed.length > 0) this.deps.log.info({ removed }, 'removed temp files left by interrupted compiles');
  }

  /** Stops a running compile or upload of the product; true when there was one. */
  cancel(slug: string): boolean {
    const compile = this.running.get(slug);
    compile?.abort();
    const upload = this.uploads.cancel(slug);
    return compile !== undefined || upload;
  }

  checklist(slug: string): Checklist {
    const { spec } = this.specs.read(slug);
    const paths = containedProductPaths(this.layout(), slug, spec.version);
    const build = this.builds.latest(slug);
    const url = build ? this.uploads.uploadedUrl(slug, build.sha256) : undefined;
    return buildChecklist(spec, paths.omegaDir, url);
  }

  /** The pack's root beside the product trees; running it again changes nothing. */
  omegaPack(): OmegaPackResult {
    return createOmegaRootPack(containedOmegaRoot(this.layout()));
  }

  listUploads(slug?: string): UploadRecord[] {
    return this.uploads.list(slug);
  }

  async sendUploads(): Promise<{ attempted: number; uploaded: number; uploads: UploadRecord[] }> {
    const result = await this.uploads.processDue({ ignoreBackoff: true });
    return { ...result, uploads: this.uploads.list() };
  }

  /** For long-lived transports: sends due uploads now and then (offline compiles, retries). */
  backgroundTask(): BackgroundTask {
    const every = this.deps.uploadPollMs ?? 30_000;
    return {
      name: 'product-uploads',
      start: () => {
        let busy = false;
        const tick = () => {
          if (busy) return;
          busy = true;
          void this.uploads
            .processDue()
            .catch((err: unknown) => this.deps.log.error({ err: String(err) }, 'product upload queue failed'))
            .finally(() => (busy = false));
        };
        const timer = setInterval(tick, every);
        timer.unref();
        tick();
        return () => clearInterval(timer);
      },
    };
  }

  private uploadDone(upload: UploadRecord): void {
    if (!upload.driveDownloadUrl) return;
    try {
      if (setDriveUrl(containedConfigDir(this.layout()), upload.slug, upload.version, upload.driveDownloadUrl)) {
        this.deps.log.info({ slug: upload.slug }, 'site config given the Drive link');
      }
    } catch (err) {
      this.deps.log.warn({ slug: upload.slug, err: String(err) }, 'could not put the Drive link in the site config');
    }
  }
}
