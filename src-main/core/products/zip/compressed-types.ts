import { deflateRawSync } from 'node:zlib';

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
export const storedExtensions: ReadonlySet<string> = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'heic',
  'mp4', 'mov', 'm4v', 'webm', 'mkv', 'mp3', 'm4a', 'aac', 'ogg', 'opus', 'flac',
  'zip', 'gz', 'tgz', 'bz2', 'xz', 'zst', '7z', 'rar',
  'pdf', 'epub', 'docx', 'xlsx', 'pptx', 'woff', 'woff2',
]);

export function isStoredType(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && storedExtensions.has(name.slice(dot + 1).toLowerCase());
}

/** How much of a file is test-deflated to decide whether deflating it pays. */
export const probeBytes = 16 * 1024;

/**
 * True when deflating this sample (at level 1: the question is only whether it shrinks) saves
 * under 3%: random bytes, encrypted or already compressed data under another extension.
 */
export function looksIncompressible(sample: Buffer): boolean {
  if (sample.length === 0) return false;
  return deflateRawSync(sample, { level: 1 }).length >= sample.length * 0.97;
}
