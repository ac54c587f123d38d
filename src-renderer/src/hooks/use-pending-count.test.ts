import { describe, expect, it } from 'vitest';
import { applyApprovalEvent } from './use-pending-count';

describe('the pending approvals count', () => {
  it('keeps the pending set from the events', () => {
    const a = applyApprovalEvent(new Set(), { id: 'x', status: 'pending' });
    expect([...a]).toEqual(['x']);
    expect(applyApprovalEvent(a, { id: 'x', status: 'approved' }).size).toBe(0);
    expect(applyApprovalEvent(a, { id: 'y', status: 'expired' }).size).toBe(1);
  });
});
