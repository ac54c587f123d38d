import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productSpecSchema } from '../../../shared/product';
import { productSite, sampleSpec, writeContent } from '../../../tests/helpers/products';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { greyPng } from '../../../tests/helpers/png';
import { readPngInfo } from './png';

describe('PNG check', () => {
  it('reads the signature and IHDR dimensions, and names what is wrong otherwise', () => {
    const dir = tempDir();
    const write = (name: string, data: Buffer) => {
      writeFileSync(join(dir, name), data);
      return join(dir, name);
    };
    expect(readPngInfo(write('ok.png', greyPng(1200, 630)))).toEqual({ png: true, width: 1200, height: 630 });
    expect(readPngInfo(write('jpeg.png', Buffer.from('ffd8ffe000104a464946', 'hex')))).toEqual({ png: false, problem: 'is not a PNG (wrong signature)' });
    expect(readPngInfo(write('cut.png', greyPng(10, 10).subarray(0, 12)))).toEqual({ png: false, problem: 'is a damaged PNG (no IHDR header)' });
    expect(readPngInfo(join(dir, 'missing.png'))).toMatchObject({ png: false, problem: expect.stringContaining('ENOENT') });
  });
});

describe('launch checklist', () => {
  it('shows each Omega slot, the PNGs found with their size, and the human checklist', async () => {
    const { core, productsDir } = productSite();
    core.products.create(productSpecSchema.parse({ ...sampleSpec, price: 19.5 }));
    writeContent(productsDir, sampleSpec.slug, { 'guide.md': '# Guide' });
    expect(core.products.checklist(sampleSpec.slug)).toMatchObject({ omegaCreated: false, filled: 0, total: 70 });

    const { omegaDir } = await core.products.compile(sampleSpec.slug, { upload: false });
    writeFileSync(join(omegaDir, 'Product-Cover', 'cover-01.png'), greyPng(1600, 1200));
    writeFileSync(join(omegaDir, 'Thumbnails', 'thumbnail-01.png'), 'not an image');
    const list = core.products.checklist(sampleSpec.slug);
    expect(list).toMatchObject({ omegaCreated: true, filled: 1, total: 70 });
    expect(list.slots).toHaveLength(70);
    expect(list.slots[0]).toEqual({
      folder: 'Product-Cover',
      file: 'cover-01.png',
      path: 'Product-Cover/cover-01.png',
      present: true,
      png: true,
      width: 1600,
      height: 1200,
      expectedWidth: 1280,
      expectedHeight: 720,
      sizeNote: 'is 1600×1200; the slot is made for 1280×720',
    });
    expect(list.slots.find((s) => s.path === 'Thumbnails/thumbnail-01.png')).toMatchObject({ present: true, png: false, problem: 'is not a PNG (wrong signature)' });
    expect(list.slots.find((s) => s.path === 'Brand-Geometry-Pack/geometry-13.png')).toMatchObject({ present: false, png: false, expectedWidth: 1024, expectedHeight: 1024 });
    expect(list.steps.map((s) => [s.id, s.done])).toEqual([
      ['pngs', false],
      ['gumroad', false],
      ['drive', false],
    ]);
    expect(list.gumroadFields).toEqual([
      { label: 'Title', value: 'Ascend Launch System' },
      { label: 'Price', value: '19.50 USD' },
      { label: 'Description', value: sampleSpec.description },
      { label: 'Tags', value: 'launch, templates' },
      { label: 'Content URL', value: '' },
    ]);
    core.close();
  });

  it('says a Gumroad URL was entered, never that the listing was created', () => {
    const { core } = productSite();
    core.products.create(productSpecSchema.parse({ ...sampleSpec, gumroad: { url: 'https://levqor.gumroad.com/l/ascend' } }));
    const step = core.products.checklist(sampleSpec.slug).steps.find((s) => s.id === 'gumroad');
    expect(step).toEqual({
      id: 'gumroad',
      label: 'Gumroad listing URL entered',
      done: true,
      detail: 'URL entered: https://levqor.gumroad.com/l/ascend (not checked on Gumroad: make sure the listing has the title, price, description and the Drive URL as its content)',
    });
    expect(JSON.stringify(core.products.checklist(sampleSpec.slug).steps)).not.toMatch(/created/i);
    core.close();
  });
});
