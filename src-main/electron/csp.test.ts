import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withContentSecurityPolicy } from './csp';

describe('content security policy', () => {
  it('has the strict directives the security checklist asks for', () => {
    const directives = new Map(contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d] as const));
    expect(directives.get('default-src')).toBe("default-src 'self'");
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directives.get('img-src')).toBe("img-src 'self' data:");
    expect(directives.get('connect-src')).toBe("connect-src 'self'");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(directives.get('base-uri')).toBe("base-uri 'none'");
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });

  it('replaces a CSP header of any case and keeps the other headers', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy] });
  });
});
