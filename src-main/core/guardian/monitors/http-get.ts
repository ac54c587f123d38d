import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { PeerCertificateInfo } from '../../../../shared/contract/guardian';

/** Redirects followed before a check gives up (as fetch and Uptime Kuma do). */
const maxRedirects = 10;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

export interface HttpAnswer {
  status: number;
  /** The server's certificate (HTTPS), as the final answer's connection saw it; null over plain HTTP. */
  certificate: PeerCertificateInfo | null;
  /** The body: read it (readUpTo) or drop it (discard); either ends the connection. */
  body: IncomingMessage;
}

/**
 * A GET as a monitor makes it: a fresh connection per check (no pooled socket hides a changed
 * certificate), redirects followed, aborted by `signal`. Unlike fetch it shows the server's
 * certificate, so an HTTPS monitor can warn before it expires. `trusted` adds certificates to
 * the system's (tests only); certificate checks are never switched off.
 */
export async function httpGet(url: string, o: { signal: AbortSignal; headers: Record<string, string>; trusted?: readonly string[] | undefined }): Promise<HttpAnswer> {
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(current, o);
    const location = res.headers.location;
    if (!redirectStatuses.has(res.statusCode ?? 0) || !location) return { status: res.statusCode ?? 0, certificate: certificateOf(res), body: res };
    res.destroy();
    if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects`);
    const next = new URL(location, current);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new Error(`redirected to ${next.protocol} (only http and https are followed)`);
    current = next;
  }
}

function requestOnce(url: URL, o: { signal: AbortSignal; headers: Record<string, string>; trusted?: readonly string[] | undefined }): Promise<IncomingMessage> {
  const https = url.protocol === 'https:';
  const options: RequestOptions & { ca?: string[] } = { method: 'GET', headers: o.headers, signal: o.signal, agent: false };
  if (https && o.trusted && o.trusted.length > 0) options.ca = [...rootCertificates, ...o.trusted];
  return new Promise((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(url, options, resolve);
    req.once('error', reject);
    req.end();
  });
}

function certificateOf(res: IncomingMessage): PeerCertificateInfo | null {
  const socket = res.socket as TLSSocket | null;
  if (!socket || typeof socket.getPeerCertificate !== 'function') return null;
  const cert: PeerCertificate = socket.getPeerCertificate();
  const validTo = cert?.valid_to ? Date.parse(cert.valid_to) : NaN;
  if (!Number.isFinite(validTo)) return null;
  const name = (part: Record<string, string | string[] | undefined> | undefined, ...keys: string[]) => {
    for (const k of keys) {
      const v = part?.[k];
      if (typeof v === 'string' && v !== '') return v;
      if (Array.isArray(v) && v[0]) return v[0];
    }
    return null;
  };
  return { validTo, issuer: name(cert.issuer as never, 'O', 'CN'), subject: name(cert.subject as never, 'CN', 'O') };
}

/** The body as UTF-8 text, read until it ends or passes `limit` bytes (the rest is not downloaded). */
export async function readUpTo(body: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size > limit) break;
    }
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function discard(body: IncomingMessage): void {
  body.destroy();
}
