import type { CompileResult } from '../../../shared/contract/products';
import type { Clock } from '../clock';
import type { EventBus } from '../event-bus';
import { collectContent } from './collect-content';
import type { BuildStore } from './build-store';
import { containedProductPaths } from './contained-paths';
import type { ProductsLayout } from './layout';
import { createOmegaTree } from './omega-tree';
import { progressReporter } from './progress';
import { siteProduct } from '../../../shared/site-product';
import { readSiteConfig, withProduct, writeSiteConfig } from './site-config';
import type { SpecRepository } from './spec-repository';
import { sweepStaleTemps } from './temp-sweep';
import type { UploadService } from './upload-service';
import { writeReproducibleZip } from './zip/archive-writer';

export interface CompileDeps {
  layout: ProductsLayout;
  specs: SpecRepository;
  builds: BuildStore;
  uploads: UploadService;
  events: EventBus;
  clock: Clock;
}

export interface CompileOptions {
  upload: boolean;
  signal?: AbortSignal;
}

/**
 * One slug in, everything out (the seed's Repeatable Launch Pattern):
 *   1. validate the spec, the content folder and where the outputs go — every check before
 *      anything is written — then clear the temps earlier compiles were killed in the middle of;
 *   2. ZIP the content folder, reproducibly, to dist/ (temp file, then rename);
 *   3. upload it to Drive (Class B: queued offline, a dry run in pre-launch);
 *   4. write the site config (products.json and the generated products.ts);
 *   5. create the Omega asset tree with its manifest.
 */
export async function compileProduct(deps: CompileDeps, slug: string, options: CompileOptions): Promise<CompileResult> {
  const { layout, specs, builds, uploads, events, clock } = deps;
  // 1. everything that can be wrong with the input is found here, before any write
  const { spec } = specs.read(slug);
  const paths = containedProductPaths(layout, slug, spec.version);
  const entries = collectContent(paths.contentDir, `${paths.contentDir}/`);
  const siteProducts = readSiteConfig(layout.configDir);
  options.signal?.throwIfAborted();
  sweepStaleTemps(layout);

  // 2.
  const zip = await writeReproducibleZip(entries, paths.zipPath, {
    onProgress: progressReporter(events, slug, 'zip'),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  builds.record(slug, { version: spec.version, zipPath: paths.zipPath, sha256: zip.sha256, bytes: zip.bytes, entries: zip.entries, compiledAt: clock.now() });

  // 3.
  const archive = { slug, version: spec.version, zipPath: paths.zipPath, sha256: zip.sha256, bytes: zip.bytes };
  const upload = options.upload
    ? await uploads.request(archive, { onProgress: progressReporter(events, slug, 'upload'), ...(options.signal ? { signal: options.signal } : {}) })
    : undefined;
  const driveDownloadUrl = upload?.status === 'done' ? upload.driveDownloadUrl : uploads.uploadedUrl(slug, zip.sha256);

  // 4. and 5.
  const siteConfig = writeSiteConfig(layout.configDir, withProduct(siteProducts, siteProduct(spec, driveDownloadUrl)));
  createOmegaTree(paths.omegaDir, slug);

  const result: CompileResult = {
    slug,
    version: spec.version,
    zipPath: paths.zipPath,
    sha256: zip.sha256,
    bytes: zip.bytes,
    entries: zip.entries,
    uploaded: driveDownloadUrl !== undefined,
    ...(driveDownloadUrl ? { driveDownloadUrl } : {}),
    ...(upload ? { upload } : {}),
    omegaDir: paths.omegaDir,
    siteConfig,
  };
  events.emit('products.compiled', result);
  return result;
}
