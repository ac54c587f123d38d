import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { omegaFolders, omegaUrlBase } from '../../../shared/omega';
import { slugPattern } from '../../../shared/product';
import { omegaRoot } from './site-root';

const pngName = /^[a-z0-9]+(?:-[a-z0-9]+)*\.png$/;

export interface OmegaFile {
  slug: string;
  folder: string;
  file: string;
}

/** The Omega file a site URL names, or null when it names none (another path, `..`, an unknown folder). */
export function omegaFileOf(url: string): OmegaFile | null {
  if (!url.startsWith(`${omegaUrlBase}/`)) return null;
  const [slug = '', folder = '', file = '', ...more] = url.slice(omegaUrlBase.length + 1).split('/');
  return isOmegaFile({ slug, folder, file }) && more.length === 0 ? { slug, folder, file } : null;
}

export function isOmegaFile(f: OmegaFile): boolean {
  return slugPattern.test(f.slug) && omegaFolders.some((o) => o.folder === f.folder) && pngName.test(f.file);
}

export function omegaFilePath(f: OmegaFile): string {
  return join(omegaRoot(), f.slug, f.folder, f.file);
}

/** The URL when its PNG is in the Omega tree, else null so the page shows its fallback. */
export function existingImage(url: string): string | null {
  const f = omegaFileOf(url);
  return f && existsSync(omegaFilePath(f)) ? url : null;
}

/** Every PNG in the Omega tree of the given products, for the static image routes. */
export function omegaFilesOf(slugs: readonly string[]): OmegaFile[] {
  return slugs.flatMap((slug) =>
    omegaFolders.flatMap(({ folder }) => {
      const dir = join(omegaRoot(), slug, folder);
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((file) => pngName.test(file))
        .map((file) => ({ slug, folder, file }));
    }),
  );
}
