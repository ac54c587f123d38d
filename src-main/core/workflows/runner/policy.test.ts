import { describe, expect, it } from 'vitest';
import { gate } from './policy';

const now = 1_000;

describe('launch-stage gate (docs/architecture.md)', () => {
  it('follows the table', () => {
    expect(gate('A', 'pre-launch', undefined, undefined, now)).toEqual({ action: 'run', decision: 'not-required' });
    expect(gate('A', 'post-launch', undefined, undefined, now).action).toBe('run');
    expect(gate('B', 'pre-launch', undefined, undefined, now)).toEqual({ action: 'ask' });
    expect(gate('B', 'post-launch', undefined, undefined, now)).toEqual({ action: 'run', decision: 'not-required' });
    expect(gate('C', 'pre-launch', undefined, undefined, now)).toEqual({ action: 'ask' });
    expect(gate('C', 'post-launch', undefined, undefined, now)).toEqual({ action: 'ask' });
  });

  it('a Class B step in pre-launch asks for its own approval; its timeout may make it a dry run', () => {
    const policy = { request: false, onTimeout: 'dry-run' as const };
    expect(gate('B', 'pre-launch', policy, undefined, now)).toEqual({ action: 'ask' });
    expect(gate('B', 'pre-launch', policy, { status: 'approved', expiresAt: null }, now)).toEqual({ action: 'run', decision: 'approved' });
    expect(gate('B', 'pre-launch', policy, { status: 'rejected', expiresAt: null }, now)).toEqual({ action: 'fail', decision: 'rejected' });
    expect(gate('B', 'pre-launch', policy, { status: 'expired', expiresAt: 10 }, now)).toEqual({ action: 'dry-run', decision: 'expired' });
  });

  it('an approved approval step directly before a Class B step covers it; never a Class C step, and not post-launch (nothing to cover)', () => {
    expect(gate('B', 'pre-launch', undefined, undefined, now, 'ap1')).toEqual({ action: 'run', decision: 'approved', coveredBy: 'ap1' });
    expect(gate('B', 'post-launch', undefined, undefined, now, 'ap1')).toEqual({ action: 'run', decision: 'not-required' });
    expect(gate('C', 'pre-launch', undefined, undefined, now, 'ap1')).toEqual({ action: 'ask' });
    // its own request, once made, decides
    expect(gate('B', 'pre-launch', undefined, { status: 'rejected', expiresAt: null }, now, 'ap1')).toEqual({ action: 'fail', decision: 'rejected' });
  });

  it('maps decisions and timeouts, and never lets a timeout approve a Class C step', () => {
    const pending = { status: 'pending' as const, expiresAt: 2_000 };
    expect(gate('C', 'post-launch', undefined, pending, now)).toEqual({ action: 'wait' });
    expect(gate('C', 'post-launch', undefined, pending, 2_000)).toEqual({ action: 'fail', decision: 'expired' });
    expect(gate('C', 'post-launch', { request: false, onTimeout: 'skip' }, pending, 2_000)).toEqual({ action: 'skip', decision: 'expired' });
    // dry-run is for Class B only: on C it falls back to reject
    expect(gate('C', 'post-launch', { request: false, onTimeout: 'dry-run' }, pending, 2_000)).toEqual({ action: 'fail', decision: 'expired' });
    expect(gate('C', 'post-launch', undefined, { status: 'rejected', expiresAt: null }, now)).toEqual({ action: 'fail', decision: 'rejected' });
    expect(gate('C', 'post-launch', undefined, { status: 'cancelled', expiresAt: null }, now)).toEqual({ action: 'ask' });
    expect(gate('C', 'post-launch', undefined, { status: 'approved', expiresAt: null }, now)).toEqual({ action: 'run', decision: 'approved' });
  });
});
