import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Checklist, ChecklistSlot } from '../../../shared/contract/products';
import { omegaExpectedFiles } from '../../../shared/omega';
import type { ProductSpec } from '../../../shared/product';
import { readPngInfo } from './png';

/** One Omega slot as it is on disk: empty, a real PNG (its size, and whether it is the size the slot is made for), or something else. */
export function checkSlot(omegaDir: string, { folder, file, path, style, expected }: ReturnType<typeof omegaExpectedFiles>[number]): ChecklistSlot {
  const full = join(omegaDir, ...path.split('/'));
  const base = { folder, file, path, ...(style ? { style } : {}), expectedWidth: expected.width, expectedHeight: expected.height };
  if (!existsSync(full)) return { ...base, present: false, png: false };
  const info = readPngInfo(full);
  if (!info.png) return { ...base, present: true, png: false, problem: info.problem };
  const sizeNote = info.width === expected.width && info.height === expected.height ? {} : { sizeNote: `is ${info.width}×${info.height}; the slot is made for ${expected.width}×${expected.height}` };
  return { ...base, present: true, png: true, width: info.width, height: info.height, ...sizeNote };
}

/**
 * The launch checklist of one product: each Omega slot (is a real PNG there, what size), and
 * the seed's human checklist — PNGs dropped in, the Gumroad listing (with the fields to copy),
 * the Drive URL set.
 */
export function buildChecklist(spec: ProductSpec, omegaDir: string, driveDownloadUrl: string | undefined): Checklist {
  const slots = omegaExpectedFiles().map((slot) => checkSlot(omegaDir, slot));
  const filled = slots.filter((s) => s.png).length;
  const total = slots.length;
  const price = `${spec.price.toFixed(2)} ${spec.currency ?? 'USD'}`;
  return {
    slug: spec.slug,
    omegaDir,
    omegaCreated: existsSync(omegaDir),
    slots,
    filled,
    total,
    steps: [
      { id: 'pngs', label: 'Real PNGs dropped into the Omega folders', done: filled === total, detail: `${filled} of ${total} slots hold a PNG` },
      {
        id: 'gumroad',
        // Levqor only sees the URL typed into the spec, never the listing itself: the step claims no more
        label: 'Gumroad listing URL entered',
        done: spec.gumroad?.url !== undefined,
        detail: spec.gumroad?.url
          ? `URL entered: ${spec.gumroad.url} (not checked on Gumroad: make sure the listing has the title, price, description and the Drive URL as its content)`
          : 'create the listing (title, price, description, content URL = the Drive URL), then enter its URL as the Gumroad URL',
      },
      {
        id: 'drive',
        label: 'Drive URL set',
        done: driveDownloadUrl !== undefined,
        detail: driveDownloadUrl ?? 'compile with an upload (post-launch, or once approved) to get it',
      },
    ],
    gumroadFields: [
      { label: 'Title', value: spec.name },
      { label: 'Price', value: price },
      { label: 'Description', value: spec.description },
      { label: 'Tags', value: spec.tags.join(', ') },
      { label: 'Content URL', value: driveDownloadUrl ?? '' },
    ],
  };
}
