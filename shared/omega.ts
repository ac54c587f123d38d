/**
 * The Omega asset tree of one product (the seed's "Omega Asset Structure"): nine folders, each
 * with a fixed number of PNG slots the founder fills with real images. File names are ours:
 * `<prefix>-NN.png`, numbered from 01.
 */
export const omegaPackDir = 'public/assets/Levqor-Omega-Empire-Pack/products';
export const omegaUrlBase = '/assets/Levqor-Omega-Empire-Pack/products';

/**
 * `size` is the size a slot's PNG is made for, in pixels (where it is shown: Gumroad's cover
 * and thumbnail, a full-width hero, square and portrait social posts, link ads, video frames).
 * Another size is accepted and flagged, never refused.
 */
export const omegaFolders = [
  { folder: 'Product-Cover', slots: 3, prefix: 'cover', size: { width: 1280, height: 720 } },
  { folder: 'Thumbnails', slots: 6, prefix: 'thumbnail', size: { width: 600, height: 600 } },
  { folder: 'Hero-Banners', slots: 2, prefix: 'hero', size: { width: 1920, height: 1080 } },
  // the seed's "15 posts across 3 styles": five slots per style, named by style
  { folder: 'Social-Posts', slots: 15, prefix: 'social', styles: ['quote', 'tip', 'promo'], size: { width: 1080, height: 1080 } },
  { folder: 'Carousel-Posts', slots: 5, prefix: 'slide', size: { width: 1080, height: 1350 } },
  { folder: 'CTA-Cards', slots: 6, prefix: 'cta', size: { width: 1200, height: 628 } },
  { folder: 'Ad-Creatives', slots: 8, prefix: 'ad', size: { width: 1200, height: 628 } },
  { folder: 'Video-Frames', slots: 12, prefix: 'frame', size: { width: 1920, height: 1080 } },
  { folder: 'Brand-Geometry-Pack', slots: 13, prefix: 'geometry', size: { width: 1024, height: 1024 } },
] as const;

export type OmegaFolder = (typeof omegaFolders)[number]['folder'];

export const omegaSlotTotal = omegaFolders.reduce((n, f) => n + f.slots, 0);

export function omegaFileName(prefix: string, index: number): string {
  return `${prefix}-${String(index).padStart(2, '0')}.png`;
}

/** The styles a folder's slots are split among, evenly (Social-Posts), or none. */
export function omegaFolderStyles(f: (typeof omegaFolders)[number]): readonly string[] {
  return 'styles' in f ? f.styles : [];
}

/** A folder's slot files in order; a folder with styles numbers each style's slots from 01 (`social-quote-01.png`). */
export function omegaFolderFiles(f: (typeof omegaFolders)[number]): Array<{ file: string; style?: string }> {
  const styles = omegaFolderStyles(f);
  if (styles.length === 0) return Array.from({ length: f.slots }, (_, i) => ({ file: omegaFileName(f.prefix, i + 1) }));
  const perStyle = f.slots / styles.length;
  return styles.flatMap((style) => Array.from({ length: perStyle }, (_, i) => ({ file: omegaFileName(`${f.prefix}-${style}`, i + 1), style })));
}

/** Every expected file, relative to the product's Omega folder (`Product-Cover/cover-01.png`), with the size it is made for and its style if the folder has styles. */
export function omegaExpectedFiles(): Array<{ folder: OmegaFolder; file: string; path: string; style?: string; expected: { width: number; height: number } }> {
  return omegaFolders.flatMap((f) =>
    omegaFolderFiles(f).map(({ file, style }) => ({ folder: f.folder, file, path: `${f.folder}/${file}`, ...(style ? { style } : {}), expected: { ...f.size } })),
  );
}

/** Every slot's path, for a contract that takes one. */
export const omegaSlotPaths = omegaExpectedFiles().map((f) => f.path) as [string, ...string[]];

/** The site URLs of the images the product page uses (the seed's coverImage, thumbnailImage, heroImage). */
export function omegaImageUrls(slug: string): { coverImage: string; thumbnailImage: string; heroImage: string } {
  const base = `${omegaUrlBase}/${slug}`;
  return {
    coverImage: `${base}/Product-Cover/${omegaFileName('cover', 1)}`,
    thumbnailImage: `${base}/Thumbnails/${omegaFileName('thumbnail', 1)}`,
    heroImage: `${base}/Hero-Banners/${omegaFileName('hero', 1)}`,
  };
}
