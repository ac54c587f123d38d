import type { IncomingMessage } from 'node:http';
import type { ApiError } from '../../shared/contract/errors';
import { jsonTextTooDeep, tooDeepMessage } from '../../shared/json-depth';

export const maxBodyBytes = 1024 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; error: ApiError };

/** The body as text, or undefined once it is larger than `limit` bytes (declared or sent). */
export async function readTextBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a JSON body up to the limit; an empty body is `{}` so inputless calls need none. */
export async function readJsonBody(req: IncomingMessage, limit = maxBodyBytes): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return tooLarge(limit);
    chunks.push(chunk);
  }
  if (size === 0) return { ok: true, value: {} };
  const type = req.headers['content-type'] ?? '';
  // a cross-site form cannot send application/json without a preflight, which we never grant
  if (!/^application\/json\b/i.test(type)) {
    return { ok: false, error: { code: 'BAD_INPUT', message: 'content-type: must be application/json', field: 'content-type' } };
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (jsonTextTooDeep(text)) return { ok: false, error: { code: 'BAD_INPUT', message: tooDeepMessage('body'), field: 'body' } };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: { code: 'BAD_INPUT', message: 'body: is not valid JSON', field: 'body' } };
  }
}

function tooLarge(limit: number): BodyResult {
  return { ok: false, error: { code: 'TOO_LARGE', message: `body: is larger than ${Math.round(limit / 1024)} KB` } };
}
