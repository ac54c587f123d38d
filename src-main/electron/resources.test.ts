import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { brand } from '../../shared/brand';
import { appPaths } from './app-paths';
import { trayIconFile } from './tray-menu';
import { initialTrayState, trayHealthLevels } from './tray-state';

const root = resolve(__dirname, '../..');

interface Png {
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number, number];
}

/** Reads an 8-bit RGBA, non-interlaced PNG with filter 0 rows, checking every chunk's CRC. */
function readPng(bytes: Buffer, crc32: (b: Buffer) => number): Png {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  const types: string[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length), `${type} CRC`).toBe(crc32(bytes.subarray(offset + 4, offset + 8 + length)));
    types.push(type);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  expect(types[0]).toBe('IHDR');
  expect(types.at(-1)).toBe('IEND');
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([...header.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
  const raw = inflateSync(Buffer.concat(data));
  expect(raw.length).toBe((width * 4 + 1) * height);
  return {
    width,
    height,
    pixel(x, y) {
      const row = y * (width * 4 + 1);
      expect(raw[row]).toBe(0);
      const i = row + 1 + x * 4;
      return [raw[i]!, raw[i + 1]!, raw[i + 2]!, raw[i + 3]!];
    },
  };
}

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

// the generator is plain JS outside the TypeScript project; loaded by URL so tsc does not follow it
async function generator() {
  const url = pathToFileURL(join(root, 'scripts', 'generate-icons.js')).href;
  return (await import(/* @vite-ignore */ url)) as {
    icons: Array<{ file: string; size: number; radius: number; inset: number; stroke: number }>;
    renderIcon(icon: object): Buffer;
    encodePng(width: number, height: number, rgba: Buffer): Buffer;
    crc32(bytes: Buffer): number;
  };
}

describe('icons in resources/', () => {
  it.each([
    ['icon.png', 512],
    ['tray.png', 32],
  ])('%s is a valid %ipx PNG in the brand colours', async (file, size) => {
    const { crc32 } = await generator();
    const png = readPng(readFileSync(join(root, 'resources', file)), crc32);
    expect([png.width, png.height]).toEqual([size, size]);
    const edge = png.pixel(Math.floor(size / 2), 1);
    expect(edge.slice(0, 3)).toEqual(rgb(brand.colors.midnightGraphite));
    expect(edge[3]).toBe(255);
    expect(png.pixel(0, 0)[3]).toBe(0); // rounded corner
    const centre = png.pixel(Math.floor(size / 2), Math.floor(size / 2));
    const teal = rgb(brand.colors.auroraPulseTeal);
    const blue = rgb(brand.colors.neonFluxBlue);
    for (let c = 0; c < 3; c++) {
      expect(centre[c]).toBeGreaterThanOrEqual(Math.min(teal[c]!, blue[c]!) - 1);
      expect(centre[c]).toBeLessThanOrEqual(Math.max(teal[c]!, blue[c]!) + 1);
    }
  });

  it('are what scripts/generate-icons.js produces, byte for byte', async () => {
    const { icons, renderIcon, encodePng } = await generator();
    for (const icon of icons) {
      expect(encodePng(icon.size, icon.size, renderIcon(icon)).equals(readFileSync(join(root, 'resources', icon.file))), icon.file).toBe(true);
    }
  });
});

describe('the tray\u2019s icons', () => {
  it('are in resources/ for every face the tray can show', () => {
    const faces = [null, ...trayHealthLevels].flatMap((level) =>
      [[], [{ id: 'a1', title: 'Publish' }]].map((pending) => trayIconFile({ ...initialTrayState('pre-launch'), health: level && { level, score: 90, verdict: 'healthy' }, pending })),
    );
    expect(new Set(faces).size).toBe(7);
    for (const file of faces) expect(existsSync(join(root, 'resources', file)), file).toBe(true);
  });
});

describe('appPaths', () => {
  const base = { mainDir: '/repo/out/main', resourcesPath: '/opt/levqor/resources', appPath: '/repo' };

  it('finds the preload and renderer beside the main bundle', () => {
    const paths = appPaths({ ...base, isPackaged: false });
    expect(paths.preload).toBe(join('/repo/out/preload/index.cjs'));
    expect(paths.rendererDir).toBe(join('/repo/out/renderer'));
  });

  it('reads icons from resources/ unpackaged and from the resources folder packaged', () => {
    expect(appPaths({ ...base, isPackaged: false }).resource('tray.png')).toBe(join('/repo/resources/tray.png'));
    expect(appPaths({ ...base, isPackaged: true }).resource('tray.png')).toBe(join('/opt/levqor/resources/tray.png'));
  });

  it('finds the bundled restic where electron-builder puts it packaged, and where bundle-restic put it unpackaged', () => {
    expect(appPaths({ ...base, isPackaged: true }, 'linux', 'x64').restic).toBe(join('/opt/levqor/resources/restic/restic'));
    expect(appPaths({ ...base, isPackaged: true }, 'win32', 'x64').restic).toBe(join('/opt/levqor/resources/restic/restic.exe'));
    expect(appPaths({ ...base, isPackaged: false }, 'darwin', 'arm64').restic).toBe(join('/repo/resources/restic/darwin-arm64/restic'));
  });
});
