import { describe, expect, it } from 'vitest';
import { resolveRange } from './range';

describe('analytics range', () => {
  it('a preset is the last N whole local days, today included', () => {
    const now = new Date(2026, 2, 10, 15, 30).getTime();
    expect(resolveRange({ kind: 'preset', days: 7 }, now)).toEqual({ ok: true, from: new Date(2026, 2, 4).getTime(), to: new Date(2026, 2, 11).getTime() });
  });

  it('custom days are inclusive; bad or reversed ones name the field', () => {
    expect(resolveRange({ kind: 'custom', fromDay: '2026-01-01', toDay: '2026-01-31' }, 0)).toEqual({ ok: true, from: new Date(2026, 0, 1).getTime(), to: new Date(2026, 1, 1).getTime() });
    expect(resolveRange({ kind: 'custom', fromDay: '', toDay: '2026-01-31' }, 0)).toMatchObject({ ok: false, field: 'from' });
    expect(resolveRange({ kind: 'custom', fromDay: '2026-01-01', toDay: 'x' }, 0)).toMatchObject({ ok: false, field: 'to' });
    expect(resolveRange({ kind: 'custom', fromDay: '2026-02-01', toDay: '2026-01-01' }, 0)).toEqual({ ok: false, field: 'from', message: 'from: must be on or before to' });
  });
});
