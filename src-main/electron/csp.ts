/**
 * The renderer's Content Security Policy. index.html carries the same policy in a meta tag;
 * sending it as a response header as well covers pages served over http (the dev server) and
 * anything that tries to load before the meta tag is parsed.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type ResponseHeaders = Record<string, string[] | string>;

/** The response headers with our CSP in place of any the response carried (whatever its case). */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [contentSecurityPolicy];
  return result;
}
