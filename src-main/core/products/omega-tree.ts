import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { omegaFolderFiles, omegaFolderStyles, omegaFolders, omegaSlotTotal } from '../../../shared/omega';
import { writeFileAtomic } from './atomic-write';

export const omegaManifestName = 'manifest.json';

/**
 * The product's Omega folder: the nine folders of the seed and a manifest naming the PNG
 * every slot expects. PNGs the founder already dropped in are left alone.
 */
export function createOmegaTree(omegaDir: string, slug: string): string {
  for (const f of omegaFolders) mkdirSync(join(omegaDir, f.folder), { recursive: true });
  const manifest = {
    pack: 'Levqor-Omega-Empire-Pack',
    slug,
    total: omegaSlotTotal,
    folders: omegaFolders.map((f) => ({
      folder: f.folder,
      slots: f.slots,
      ...(omegaFolderStyles(f).length > 0 ? { styles: omegaFolderStyles(f) } : {}),
      files: omegaFolderFiles(f).map((s) => s.file),
    })),
  };
  const path = join(omegaDir, omegaManifestName);
  writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return path;
}
