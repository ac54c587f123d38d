import { describe, expect, it } from 'vitest';
import { emptyFilters, filtersFromParams, isFiltered, toQuery } from './filters';

describe('explorer filters', () => {
  const now = Date.UTC(2026, 10, 28, 12);

  it('leaves empty fields out of the query', () => {
    expect(toQuery(emptyFilters, now, 200)).toEqual({ limit: 200 });
    expect(isFiltered(emptyFilters)).toBe(false);
  });

  it('turns every filter into its query field', () => {
    const f = { ...emptyFilters, levels: ['error' as const], source: ' site ', endpoint: '/api/orders', fingerprint: 'abc', text: 'kraken', range: '1h' as const };
    expect(toQuery(f, now, 1000, '123.4')).toEqual({ limit: 1000, from: now - 3_600_000, levels: ['error'], source: 'site', endpoint: '/api/orders', fingerprint: 'abc', text: 'kraken', cursor: '123.4' });
    expect(isFiltered(f)).toBe(true);
  });

  it('reads a custom range, either end optional', () => {
    const from = '2026-11-28T10:00';
    const q = toQuery({ ...emptyFilters, range: 'custom', from, to: '' }, now, 10);
    expect(q).toEqual({ limit: 10, from: new Date(from).getTime() });
  });

  it('reads the filters a link carries, keeping only known levels and ranges', () => {
    expect(filtersFromParams({ source: 'app', levels: 'error,fatal,loud', range: '1h' })).toEqual({ ...emptyFilters, source: 'app', levels: ['error', 'fatal'], range: '1h' });
    expect(filtersFromParams({ endpoint: '/api/checkout', range: 'forever' })).toEqual({ ...emptyFilters, endpoint: '/api/checkout' });
    expect(filtersFromParams({})).toEqual(emptyFilters);
  });
});
