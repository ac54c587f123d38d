import { describe, expect, it } from 'vitest';
import { errorRate, gaugeArc, scoreTone, uptimeText } from './format';

describe('guardian format', () => {
  it('tones the score', () => {
    expect(scoreTone(100)).toBe('good');
    expect(scoreTone(90)).toBe('good');
    expect(scoreTone(89)).toBe('fair');
    expect(scoreTone(70)).toBe('fair');
    expect(scoreTone(69)).toBe('poor');
  });

  it('sizes the gauge arc to the score, clamped to 0–100', () => {
    const full = gaugeArc(100, 50);
    expect(full.value).toBeCloseTo(full.track);
    expect(full.track).toBeCloseTo(full.circumference * 0.75);
    expect(gaugeArc(50, 50).value).toBeCloseTo(full.track / 2);
    expect(gaugeArc(-5, 50).value).toBe(0);
    expect(gaugeArc(140, 50).value).toBeCloseTo(full.track);
  });

  it('gives no error rate without volume', () => {
    expect(errorRate(0, 0)).toBeNull();
    expect(errorRate(1, 8)).toBe(12.5);
  });

  it('shows uptime as a percentage that never rounds up to 100', () => {
    expect(uptimeText(null)).toBe('\u2014');
    expect(uptimeText(1)).toBe('100%');
    expect(uptimeText(0.75)).toBe('75%');
    expect(uptimeText(0.99999)).toBe('99.99%');
    expect(uptimeText(6 / 11)).toBe('54.54%');
  });
});
