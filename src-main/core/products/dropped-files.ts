import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChecklistSlot, ContentFiles, OmegaImage } from '../../../shared/contract/products';
import { omegaExpectedFiles } from '../../../shared/omega';
import { contentNameProblem, omegaImageMaxBytes } from '../../../shared/product-files';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import { requireInside } from '../fs/contained-path';
import { isFolder } from '../fs/is-folder';
import { checkSlot } from './checklist';
import { walkContent } from './collect-content';
import { containedProductPaths } from './contained-paths';
import { FileParts, type FilePart, type PartWritten } from './file-parts';
import type { ProductsLayout } from './layout';
import { createOmegaTree } from './omega-tree';
import { readPngInfo } from './png';
import type { SpecRepository } from './spec-repository';

export interface DroppedFilesDeps {
  layout: () => ProductsLayout;
  specs: SpecRepository;
  events: EventBus;
  clock: Clock;
}

const contentFolder = "the product's content folder";
const omegaFolder = "the product's Omega folder";
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Files the founder drops onto a product in the Launches area: into its content folder, or a
 * PNG into one of its Omega slots. The page sends a name relative to the product and the bytes;
 * every target is resolved inside the product's own folder through the contained-path rules
 * (a `..`, an absolute name or a link that leads out is refused before anything is written),
 * and written through FileParts (a temp, then one rename).
 */
export class DroppedFiles {
  private readonly parts: FileParts;

  constructor(private readonly d: DroppedFilesDeps) {
    this.parts = new FileParts(d.clock);
  }

  /** One part of a file for the content folder, under `name` (`guide.pdf`, `chapters/01.md`). */
  putContentFile(slug: string, name: string, part: FilePart): PartWritten & { name: string } {
    const problem = contentNameProblem(name);
    if (problem) throw new CoreError('BAD_INPUT', `name: ${problem}`, 'name');
    const { contentDir } = this.d.specs.read(slug);
    mkdirSync(contentDir, { recursive: true });
    const target = requireInside(contentDir, join(contentDir, ...name.split('/')), 'name', contentFolder);
    if (isFolder(target)) throw new CoreError('CONFLICT', `name: ${name} is a folder in ${contentFolder}`, 'name');
    mkdirSync(dirname(target), { recursive: true });
    // the temp waits in the products folder, where a compile running meanwhile does not zip it
    const written = this.parts.write(target, this.d.layout().productsDir, part);
    if (written.done) this.d.events.emit('products.changed', { slug });
    return { name, ...written };
  }

  /** One part of the PNG for Omega slot `slot` (`Product-Cover/cover-01.png`); refused unless it is a real PNG. */
  putOmegaImage(slug: string, slot: string, part: FilePart): PartWritten & { slot: string; image?: ChecklistSlot } {
    const expected = this.expectedSlot(slot);
    if (part.offset === 0 && part.size > 0 && !part.data.subarray(0, pngSignature.length).equals(pngSignature.subarray(0, Math.min(pngSignature.length, part.data.length)))) {
      throw new CoreError('BAD_INPUT', 'data: is not a PNG (wrong signature); an Omega slot takes a PNG', 'data');
    }
    const omegaDir = this.omegaDir(slug);
    if (!isFolder(omegaDir)) createOmegaTree(omegaDir, slug);
    const target = requireInside(omegaDir, join(omegaDir, ...slot.split('/')), 'slot', omegaFolder);
    mkdirSync(dirname(target), { recursive: true });
    const written = this.parts.write(target, omegaDir, part, (temp) => {
      const info = readPngInfo(temp);
      return info.png ? undefined : `${info.problem}; an Omega slot takes a PNG`;
    });
    if (!written.done) return { slot, ...written };
    this.d.events.emit('products.changed', { slug });
    return { slot, ...written, image: checkSlot(omegaDir, expected) };
  }

  /** The content folder's files as the compile would take them, and what it would refuse. */
  contentFiles(slug: string): ContentFiles {
    const { contentDir } = this.d.specs.read(slug);
    if (!isFolder(contentDir)) return { contentDir, files: [], problems: [] };
    const { entries, problems } = walkContent(requireInside(this.d.layout().productsDir, contentDir, 'contentDir', 'the products folder'));
    return { contentDir, files: entries.map((e) => ({ name: e.name, bytes: e.size })), problems };
  }

  /** A slot's PNG, for its preview. */
  omegaImage(slug: string, slot: string): OmegaImage {
    this.expectedSlot(slot);
    const omegaDir = this.omegaDir(slug);
    const path = requireInside(omegaDir, join(omegaDir, ...slot.split('/')), 'slot', omegaFolder);
    const info = readPngInfo(path);
    if (!info.png) {
      const missing = info.problem.startsWith('cannot be read (ENOENT)');
      throw new CoreError(missing ? 'NOT_FOUND' : 'BAD_INPUT', `slot: ${slot} ${missing ? 'holds no PNG yet' : info.problem}`, 'slot');
    }
    if (statSync(path).size > omegaImageMaxBytes) throw new CoreError('TOO_LARGE', `slot: ${slot} is larger than ${omegaImageMaxBytes / 1024 / 1024} MiB; no preview`, 'slot');
    const data = readFileSync(path);
    return { slot, bytes: data.length, width: info.width, height: info.height, data: data.toString('base64') };
  }

  private expectedSlot(slot: string): ReturnType<typeof omegaExpectedFiles>[number] {
    const expected = omegaExpectedFiles().find((f) => f.path === slot);
    if (!expected) throw new CoreError('BAD_INPUT', `slot: ${slot} is not an Omega slot (Product-Cover/cover-01.png … Brand-Geometry-Pack/geometry-13.png)`, 'slot');
    return expected;
  }

  private omegaDir(slug: string): string {
    const { spec } = this.d.specs.read(slug);
    return containedProductPaths(this.d.layout(), slug, spec.version).omegaDir;
  }
}
