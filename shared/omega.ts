/**
 * The Omega asset tree of one product (the seed's "Omega Asset Structure"): nine folders, each
 * with a fixed number of PNG slots the founder fills with real images. File names are ours:
 * `<prefix>-NN.png`, numbered from 01.
 */
export const omegaPackDir = 'public/assets/Levqor-Omega-Empire-Pack/products';
export const omegaUrlBase = '/assets/Levqor-Omega-Empire-Pack/products';

export const omegaFolders = [
  { folder: 'Product-Cover', slots: 3, prefix: 'cover' },
  { folder: 'Thumbnails', slots: 6, prefix: 'thumbnail' },
  { folder: 'Hero-Banners', slots: 2, prefix: 'hero' },
  { folder: 'Social-Posts', slots: 15, prefix: 'social' },
  { folder: 'Carousel-Posts', slots: 5, prefix: 'slide' },
  { folder: 'CTA-Cards', slots: 6, prefix: 'cta' },
  { folder: 'Ad-Creatives', slots: 8, prefix: 'ad' },
  { folder: 'Video-Frames', slots: 12, prefix: 'frame' },
  { folder: 'Brand-Geometry-Pack', slots: 13, prefix: 'geometry' },
] as const;

export type OmegaFolder = (typeof omegaFolders)[number]['folder'];

export const omegaSlotTotal = omegaFolders.reduce((n, f) => n + f.slots, 0);

export function omegaFileName(prefix: string, index: number): string {
  return `${prefix}-${String(index).padStart(2, '0')}.png`;
}

/** Every expected file, relative to the product's Omega folder: `Product-Cover/cover-01.png`. */
export function omegaExpectedFiles(): Array<{ folder: OmegaFolder; file: string; path: string }> {
  return omegaFolders.flatMap((f) =>
    Array.from({ length: f.slots }, (_, i) => {
      const file = omegaFileName(f.prefix, i + 1);
      return { folder: f.folder, file, path: `${f.folder}/${file}` };
    }),
  );
}

/** The site URLs of the images the product page uses (the seed's coverImage, thumbnailImage, heroImage). */
export function omegaImageUrls(slug: string): { coverImage: string; thumbnailImage: string; heroImage: string } {
  const base = `${omegaUrlBase}/${slug}`;
  return {
    coverImage: `${base}/Product-Cover/${omegaFileName('cover', 1)}`,
    thumbnailImage: `${base}/Thumbnails/${omegaFileName('thumbnail', 1)}`,
    heroImage: `${base}/Hero-Banners/${omegaFileName('hero', 1)}`,
  };
}
