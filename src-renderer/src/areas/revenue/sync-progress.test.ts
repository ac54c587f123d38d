import { describe, expect, it } from 'vitest';
import { fullPassNotice, syncBar } from './sync-progress';

describe('syncBar', () => {
  it('counts the lists of a full pass finished before the current one', () => {
    expect(syncBar({ kind: 'products', count: 100, full: true })).toMatchObject({ percent: 0, label: 'Full sync: 0 of 11 Stripe lists done', detail: 'products: 100 so far' });
    const customers = syncBar({ kind: 'customers', count: 250, full: true });
    expect(customers.percent).toBe(27);
    expect(customers.valueText).toBe('3 of 11 Stripe lists done; customers: 250 so far (Stripe does not say how many there are in all)');
    expect(syncBar({ kind: 'checkout_sessions', count: 3, full: true })).toMatchObject({ percent: 91, detail: 'checkout sessions: 3 so far' });
  });

  it('shows an events pass as its one list', () => {
    expect(syncBar({ kind: 'events', count: 40, full: false })).toMatchObject({ percent: 0, label: 'Applying events: 0 of 1 Stripe list done', detail: 'events: 40 so far' });
  });
});

describe('fullPassNotice', () => {
  it('says why a pass fell back to a full one', () => {
    expect(fullPassNotice({ lastPassFull: true, lastPassReason: 'the last sync is older than the 30 days of events Stripe keeps' })).toBe(
      'The last sync was a full sync: the last sync is older than the 30 days of events Stripe keeps.',
    );
  });

  it('says nothing for an events pass, the first sync or a full sync asked for', () => {
    expect(fullPassNotice({ lastPassFull: false, lastPassReason: 'events since the last one seen' })).toBeUndefined();
    expect(fullPassNotice({ lastPassFull: true, lastPassReason: 'first sync' })).toBeUndefined();
    expect(fullPassNotice({ lastPassFull: true, lastPassReason: 'asked for a full sync' })).toBeUndefined();
    expect(fullPassNotice({ lastPassFull: null, lastPassReason: null })).toBeUndefined();
  });
});
