import { CoreError } from '../../errors';

export interface StripeHost {
  host: string;
  port: number;
  protocol: 'http' | 'https';
}

/**
 * The setting stripe.apiBase (an http(s) URL) as the client's host, port and protocol. The
 * client always adds /v1/… itself, so a path on the URL is refused rather than ignored.
 */
export function parseApiBase(raw: string): StripeHost {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CoreError('BAD_INPUT', `stripe.apiBase: must be an http(s) URL (got "${raw}")`, 'stripe.apiBase');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CoreError('BAD_INPUT', 'stripe.apiBase: must be an http(s) URL', 'stripe.apiBase');
  if (url.pathname !== '/' && url.pathname !== '') throw new CoreError('BAD_INPUT', 'stripe.apiBase: must be the address alone, without a path (the client adds /v1/…)', 'stripe.apiBase');
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  const port = url.port ? Number(url.port) : protocol === 'http' ? 80 : 443;
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port, protocol };
}
