import type { ServerResponse } from 'node:http';
import { httpStatusFor, type ApiError } from '../../shared/contract/errors';

const baseHeaders = {
  'x-content-type-options': 'nosniff',
  // the access token travels in the first URL: never leak it through a Referer
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

export const pageCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...baseHeaders,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, httpStatusFor[error.code], { error });
}

export function sendBody(res: ServerResponse, status: number, type: string, body: Buffer | string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...baseHeaders,
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    ...extra,
  });
  res.end(body);
}

export { baseHeaders };

export function sendRefusal(res: ServerResponse, refusal: { status: number; error: ApiError }): void {
  sendJson(res, refusal.status, { error: refusal.error });
}
