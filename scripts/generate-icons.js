#!/usr/bin/env node
// Writes the app and tray icons in resources/ from code, so the brand mark can be changed
// without an image editor and the PNGs are reproducible: `node scripts/generate-icons.js`.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const background = hex('#0C0F14');
const teal = hex('#31F7D9');
const blue = hex('#3A8CFF');
/** brand.ui's success, warning and danger, and its text tone for the approvals badge. */
const statusColours = { healthy: hex('#31F7D9'), warning: hex('#FFB547'), down: hex('#FF5C7A') };
const badgeColour = hex('#E6EAF2');
const tray = { size: 32, radius: 0.22, inset: 0.22, stroke: 0.15 };

/** The icons electron-builder and the tray read; sizes are what each platform expects. */
export const icons = [
  { file: 'icon.png', size: 512, radius: 0.22, inset: 0.27, stroke: 0.11 },
  { file: 'tray.png', ...tray },
  // the tray's state (a dot bottom right) and, with approvals waiting, a badge dot top right
  ...['healthy', 'warning', 'down'].flatMap((status) => [
    { file: `tray-${status}.png`, ...tray, status },
    { file: `tray-${status}-badge.png`, ...tray, status, badge: true },
  ]),
];

/** RGBA pixels of the mark: a teal-to-blue X on a rounded graphite square, with the icon's dots. */
export function renderIcon({ size, radius, inset, stroke, status, badge }) {
  const dots = [
    ...(status ? [{ cx: 0.74 * size, cy: 0.74 * size, colour: statusColours[status] }] : []),
    ...(badge ? [{ cx: 0.74 * size, cy: 0.26 * size, colour: badgeColour }] : []),
  ];
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4;
  const r = radius * size;
  const a = inset * size;
  const b = (1 - inset) * size;
  const halfWidth = (stroke * size) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let alpha = 0;
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          const dot = dotColour(px, py, dots, size);
          if (dot) {
            alpha += 1;
            for (let c = 0; c < 3; c++) sum[c] += dot[c];
            continue;
          }
          if (!insideRoundedSquare(px, py, size, r)) continue;
          const onMark =
            distanceToSegment(px, py, a, a, b, b) <= halfWidth || distanceToSegment(px, py, b, a, a, b) <= halfWidth;
          const t = Math.min(1, Math.max(0, (px + py - 2 * a) / (2 * (b - a))));
          const colour = onMark ? mix(teal, blue, t) : background;
          alpha += 1;
          for (let c = 0; c < 3; c++) sum[c] += colour[c];
        }
      }
      const i = (y * size + x) * 4;
      if (alpha > 0) for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(sum[c] / alpha);
      rgba[i + 3] = Math.round((alpha / (samples * samples)) * 255);
    }
  }
  return rgba;
}

/** A minimal, valid PNG: 8-bit RGBA, no interlace, filter 0 on every row. */
export function encodePng(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([length, body, crc]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A dot's colour inside it, the graphite ring that sets it off the mark around it. */
function dotColour(x, y, dots, size) {
  for (const { cx, cy, colour } of dots) {
    const d = Math.hypot(x - cx, y - cy);
    if (d <= 0.18 * size) return colour;
    if (d <= 0.24 * size) return background;
  }
  return undefined;
}

function insideRoundedSquare(x, y, size, r) {
  const dx = Math.max(r - x, 0, x - (size - r));
  const dy = Math.max(r - y, 0, y - (size - r));
  return dx * dx + dy * dy <= r * r;
}

function distanceToSegment(px, py, x1, y1, x2, y2) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

function mix(from, to, t) {
  return from.map((v, i) => v + (to[i] - v) * t);
}

function hex(value) {
  return [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
  mkdirSync(out, { recursive: true });
  for (const icon of icons) {
    writeFileSync(join(out, icon.file), encodePng(icon.size, icon.size, renderIcon(icon)));
    console.log(`resources/${icon.file} (${icon.size}x${icon.size})`);
  }
}
