import { describe, expect, it } from 'vitest';
import { exportFileName, formatDuration, formatRate, runDuration } from './format';

describe('workflows formatting', () => {
  it('durations from milliseconds to days', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(12_400)).toBe('12.4 s');
    expect(formatDuration(185_000)).toBe('3m 05s');
    expect(formatDuration(2 * 3_600_000 + 10 * 60_000)).toBe('2h 10m');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 4h');
  });

  it('rates, with a dash when nothing finished', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(0.954)).toBe('95.4%');
  });

  it('run durations: finished, running (with now), not started', () => {
    expect(runDuration({ startedAt: 1000, finishedAt: 4000 })).toBe(3000);
    expect(runDuration({ startedAt: 1000, finishedAt: null }, 2500)).toBe(1500);
    expect(runDuration({ startedAt: 1000, finishedAt: null })).toBeNull();
    expect(runDuration({ startedAt: null, finishedAt: null }, 5)).toBeNull();
  });

  it('safe export file names', () => {
    expect(exportFileName('New order → thank the customer')).toBe('new-order-thank-the-customer.json');
    expect(exportFileName('Café déjà vu')).toBe('cafe-deja-vu.json');
    expect(exportFileName('→→')).toBe('workflow.json');
  });
});
