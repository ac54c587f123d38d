import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

describe('formatBytes', () => {
  it.each([
    [512, '512 B'],
    [1000, '1.0 kB'],
    [1_234_567, '1.2 MB'],
    [99_960, '100 kB'],
    [209_700_000, '210 MB'],
    [999_600, '1.0 MB'],
    [3_400_000_000, '3.4 GB'],
  ])('writes %d bytes as %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
