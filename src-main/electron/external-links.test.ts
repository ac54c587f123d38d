import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from './external-links';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://levqor.example/',
    'https://docs.stripe.com/api?lang=node#intro',
    'https://sub.domain.example.co.uk/path/with%20space',
    'HTTPS://Example.COM/',
    'https://xn--bcher-kva.example/',
    'https://bücher.example/',
    'https://example.com./trailing-dot',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ['http', 'http://example.com/'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['custom protocol', 'ms-msdt:/id PCWDiagnostic'],
    ['mailto', 'mailto:founder@example.com'],
    ['user name', 'https://bank.example@evil.example/'],
    ['user and password', 'https://user:pass@example.com/'],
    ['localhost', 'https://localhost/'],
    ['localhost with port', 'https://localhost:8443/'],
    ['a .localhost name', 'https://app.localhost/'],
    ['IPv4', 'https://127.0.0.1/'],
    ['private IPv4', 'https://192.168.1.10/admin'],
    ['hex IPv4', 'https://0x7f.1/'],
    ['decimal IPv4', 'https://2130706433/'],
    ['IPv6', 'https://[::1]/'],
    ['IPv6 mapped IPv4', 'https://[::ffff:127.0.0.1]/'],
    ['single-label host', 'https://intranet/'],
    ['label with underscore', 'https://bad_host.example/'],
    ['label starting with a hyphen', 'https://-bad.example/'],
    ['not a URL', 'not a url'],
    ['empty', ''],
    ['overlong', `https://example.com/${'a'.repeat(3000)}`],
  ])('refuses %s', (_why, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings without throwing', () => {
    expect(isSafeExternalUrl(undefined as unknown as string)).toBe(false);
    expect(isSafeExternalUrl({ toString: () => 'https://example.com/' } as unknown as string)).toBe(false);
  });
});
