import { describe, expect, it } from 'vitest';
import { areaFromHash } from './use-hash-route';
import { hrefWith, paramsFromHash, telemetryHref } from './hash-params';

describe('filters in the location hash', () => {
  it('round-trip through a link, and the area is still read from the hash', () => {
    const href = telemetryHref({ source: 'app', levels: 'error,fatal', endpoint: '/api/checkout' });
    expect(href).toBe('#/telemetry?source=app&levels=error%2Cfatal&endpoint=%2Fapi%2Fcheckout');
    expect(areaFromHash(href)).toBe('telemetry');
    expect(paramsFromHash(href)).toEqual({ source: 'app', levels: 'error,fatal', endpoint: '/api/checkout' });
    expect(hrefWith('approvals')).toBe('#/approvals');
    expect(paramsFromHash('#/guardian')).toEqual({});
  });
});
