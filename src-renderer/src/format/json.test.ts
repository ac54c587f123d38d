import { describe, expect, it } from 'vitest';
import { formatJson } from './json';

describe('formatJson', () => {
  it('indents values and keeps strings as they are', () => {
    expect(formatJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(formatJson('plain')).toBe('plain');
    expect(formatJson(undefined)).toBe('');
    expect(formatJson(null)).toBe('null');
  });
});
