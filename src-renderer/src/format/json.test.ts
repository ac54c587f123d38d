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
    const labels = {
      supportsAllDrives: 'Supports all drives',
      retry_count: 'Retry count',
      method: 'Method',
      timeoutMs: 'Timeout ms',
      url: 'URL',
      orderId: 'Order ID',
      'Idempotency-Key': 'Idempotency-Key',
      'content-type': 'content-type',
      URL: 'URL',
      '0': '0',
      'a b': 'a b',
    };
    for (const [key, label] of Object.entries(labels)) expect(fieldLabel(key), key).toBe(label);
  });
});
