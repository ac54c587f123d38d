import { describe, expect, it } from 'vitest';
import { hasPreview, healingFacts, subjectHref, timeLeft, timeoutLabel } from './format';

describe('approvals format', () => {
  it('counts down, says when it expired and when there is no timeout', () => {
    expect(timeLeft(null, 0)).toBe('no timeout');
    expect(timeLeft(1000, 2000)).toBe('expired');
    expect(timeLeft(249_000, 0)).toBe('4m 09s left');
    expect(timeLeft((2 * 3600 + 5 * 60) * 1000, 0)).toBe('2h 05m left');
    expect(timeLeft((3 * 86400 + 4 * 3600) * 1000, 0)).toBe('3d 04h left');
  });

  it('shows a preview whenever the request has one (its raw JSON is formatJson\u2019s)', () => {
    expect(hasPreview(undefined)).toBe(false);
    expect(hasPreview(null)).toBe(false);
    expect(hasPreview('hello')).toBe(true);
    expect(hasPreview({ message: 'Ship it?' })).toBe(true);
  });

  it('names the subject of uploads and healing actions, links to where it lives, and says what a timeout does', () => {
    expect(subjectHref('step')).toBeUndefined();
    expect(subjectHref('product.upload')).toEqual({ href: '#/launches', label: 'Open Launches' });
    expect(subjectHref('guardian.healing')).toEqual({ href: '#/guardian', label: 'Open Guardian' });
    expect(subjectHref('app.update')).toEqual({ href: '#/settings', label: 'Open Settings' });
    expect(timeoutLabel('step', 'skip')).toBe('skips the step');
    expect(timeoutLabel('product.upload', 'reject')).toBe('rejects it: nothing is sent');
    expect(timeoutLabel('app.update', 'reject')).toBe('rejects it: nothing is installed');
    expect(healingFacts({ evidence: 'HTTP 500', expectedEffect: 'UP again', proposal: {} })).toEqual({ evidence: 'HTTP 500', expectedEffect: 'UP again' });
    expect(healingFacts({ plan: {} })).toBeUndefined();
  });
});
