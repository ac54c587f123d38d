import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('form posts per IP address', () => {
  it('allows five a minute per address, refuses the sixth, and allows again once the window has moved on', () => {
    let t = 0;
    const limiter = createRateLimiter({ posts: 5, windowMs: 60_000 }, () => t);
    for (let i = 0; i < 5; i++) expect(limiter.allow('203.0.113.1')).toBe(true);
    expect(limiter.allow('203.0.113.1')).toBe(false);
    expect(limiter.allow('203.0.113.2')).toBe(true);
    t = 59_999;
    expect(limiter.allow('203.0.113.1')).toBe(false);
    t = 60_000;
    expect(limiter.allow('203.0.113.1')).toBe(true);
  });
});
