import { describe, expect, it } from 'vitest';
import { applyApprovalEvent, formatPreview, timeLeft } from './format';

describe('approvals format', () => {
  it('counts down, says when it expired and when there is no timeout', () => {
    expect(timeLeft(null, 0)).toBe('no timeout');
    expect(timeLeft(1000, 2000)).toBe('expired');
    expect(timeLeft(249_000, 0)).toBe('4m 09s left');
    expect(timeLeft((2 * 3600 + 5 * 60) * 1000, 0)).toBe('2h 05m left');
    expect(timeLeft((3 * 86400 + 4 * 3600) * 1000, 0)).toBe('3d 04h left');
  });

  it('renders the preview as indented JSON, strings as they are', () => {
    expect(formatPreview(undefined)).toBeUndefined();
    expect(formatPreview('hello')).toBe('hello');
    expect(formatPreview({ message: 'Ship it?' })).toBe('{\n  "message": "Ship it?"\n}');
  });

  it('keeps the pending set from the events', () => {
    const a = applyApprovalEvent(new Set(), { id: 'x', status: 'pending' });
    expect([...a]).toEqual(['x']);
    expect(applyApprovalEvent(a, { id: 'x', status: 'approved' }).size).toBe(0);
    expect(applyApprovalEvent(a, { id: 'y', status: 'expired' }).size).toBe(1);
  });
});
