import { z } from 'zod';

/** Names that can only mean this machine. */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * An address the app sends a secret to (an API key in a header, a bot token in the path):
 * https anywhere, plain http only to this machine, where a test server or a local model runs.
 */
export const secretDestinationUrl = z.url({ protocol: /^https?$/, error: () => 'must be an http(s) URL' }).refine((raw) => {
  const url = new URL(raw);
  return url.protocol === 'https:' || isLoopbackHostname(url.hostname);
}, 'must use https (plain http only to localhost or 127.0.0.1)');
