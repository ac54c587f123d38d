import { describe, expect, it } from 'vitest';
import { fieldLabel, formatJson } from './json';

describe('formatJson', () => {
  it('indents values and keeps strings as they are', () => {
    expect(formatJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(formatJson('plain')).toBe('plain');
    expect(formatJson(undefined)).toBe('');
    expect(formatJson(null)).toBe('null');
  });
});

describe('fieldLabel', () => {
  it('turns camelCase and snake_case keys into words; leaves names as written', () => {
    expect(fieldLabel('supportsAllDrives')).toBe('Supports all drives');
    expect(fieldLabel('retry_count')).toBe('Retry count');
    expect(fieldLabel('method')).toBe('Method');
    expect(fieldLabel('timeoutMs')).toBe('Timeout ms');
    expect(fieldLabel('Idempotency-Key')).toBe('Idempotency-Key');
    expect(fieldLabel('content-type')).toBe('content-type');
    expect(fieldLabel('URL')).toBe('URL');
    expect(fieldLabel('url')).toBe('URL');
    expect(fieldLabel('orderId')).toBe('Order ID');
    expect(fieldLabel('0')).toBe('0');
    expect(fieldLabel('a b')).toBe('a b');
  });
});
