import { describe, expect, it } from 'vitest';
import { fingerprintOf, messageTemplate } from './fingerprint';
import { lttb } from '../../../shared/lttb';

describe('fingerprints', () => {
  it('normalise numbers, ids, quoted strings, hex and UUIDs', () => {
    expect(messageTemplate('GET /items/42 took 13.5 ms')).toBe('GET /items/<n> took <n> ms');
    expect(messageTemplate('user 3f0c2a1e-9b7d-4c1a-8e2f-0a1b2c3d4e5f not found')).toBe('user <uuid> not found');
    expect(messageTemplate("cache miss for key 'user:123' and \"x y\"")).toBe('cache miss for key <str> and <str>');
    expect(messageTemplate('bad pointer 0xdeadBEEF at deadbeef01')).toBe('bad pointer <hex> at <hex>');
    expect(messageTemplate('customer cus_NffrFeUfNV2Hib charged')).toBe('customer <id> charged');
    expect(fingerprintOf('error', 'order 1 failed')).toBe(fingerprintOf('error', 'order 999 failed'));
    expect(fingerprintOf('error', 'order 1 failed')).not.toBe(fingerprintOf('warn', 'order 1 failed'));
    expect(fingerprintOf('error', 'order 1 failed')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keep their values across versions: stored groups are keyed by them', () => {
    expect(fingerprintOf('error', 'order 1 failed')).toBe('8ddc0fd8a246aa9e');
    expect(fingerprintOf('info', 'GET /api/items/4231 200 in 41.3 ms')).toBe('ea141a99636df650');
    expect(fingerprintOf('warn', "cache miss for key 'user:12'")).toBe('19b8af283993becd');
    // whitespace runs collapse, leading and trailing whitespace goes, and the template stops at 500 chars
    expect(messageTemplate('  a\t\t b \r\n c  ')).toBe('a b c');
    expect(messageTemplate('v1.2 x1 1.5s ab-12 "open')).toBe('v<n> x<n> <n>.<n>s ab-<n> "open');
    expect(messageTemplate('word '.repeat(200))).toHaveLength(500);
  });

  it('LTTB keeps the ends and the spike while cutting points', () => {
    const points = Array.from({ length: 1000 }, (_, x) => ({ x, y: x === 500 ? 100 : Math.sin(x / 50) }));
    const out = lttb(points, 50);
    expect(out).toHaveLength(50);
    expect(out[0]).toEqual(points[0]);
    expect(out.at(-1)).toEqual(points[999]);
    expect(out).toContainEqual({ x: 500, y: 100 });
  });
});
