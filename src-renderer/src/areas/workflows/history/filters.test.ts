import { describe, expect, it } from 'vitest';
import { localDayStart, toRunQuery } from './filters';

describe('history filters', () => {
  it('local calendar days become [start of from, start of the day after to)', () => {
    const out = toRunQuery({ status: 'failed', fromDay: '2026-03-01', toDay: '2026-03-02' });
    expect(out).toEqual({ ok: true, query: { status: 'failed', from: new Date(2026, 2, 1).getTime(), to: new Date(2026, 2, 3).getTime() } });
    expect(toRunQuery({ status: '', fromDay: '', toDay: '' })).toEqual({ ok: true, query: {} });
    // one day: from and to the same day
    expect(toRunQuery({ status: '', fromDay: '2026-03-01', toDay: '2026-03-01' })).toMatchObject({ ok: true });
  });

  it('refuses impossible dates and a reversed range, naming the field', () => {
    expect(localDayStart('2026-02-31')).toBeUndefined();
    expect(localDayStart('yesterday')).toBeUndefined();
    expect(toRunQuery({ status: '', fromDay: '2026-02-31', toDay: '' })).toEqual({ ok: false, field: 'from', message: 'from: must be a date (YYYY-MM-DD)' });
    expect(toRunQuery({ status: '', fromDay: '', toDay: 'soon' })).toEqual({ ok: false, field: 'to', message: 'to: must be a date (YYYY-MM-DD)' });
    expect(toRunQuery({ status: '', fromDay: '2026-03-05', toDay: '2026-03-01' })).toEqual({ ok: false, field: 'from', message: 'from: must be on or before to' });
    expect(toRunQuery({ status: 'nope' as never, fromDay: '', toDay: '' })).toMatchObject({ ok: false, field: 'status' });
  });
});
