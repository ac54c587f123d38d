import fs from 'node:fs';
import { isInsideFolder, resolveAppRequestPath } from './app-request-path';
import { appOrigin } from './app-scheme';
import { contentTypeFor } from './content-types';
import { contentSecurityPolicy } from './csp';

/** The fields of the Request that protocol.handle passes in. */
export interface AppRequest {
  url: string;
  method: string;
  /** Set by Electron when a page made the request; absent for the window's own load. */
  initiatorOrigin?: string | undefined;
}

/**
 * The answer to one app:// request: a file from the built renderer folder (`root`), or 404.
 * Every answer carries the CSP, so it holds even before index.html's meta tag is parsed.
 */
export async function respondToAppRequest(request: AppRequest, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  // another origin (a page the app never loads on purpose) may not read the app's files
  if (request.initiatorOrigin !== undefined && request.initiatorOrigin !== appOrigin) return notFound();
  const path = resolveAppRequestPath(request.url, root);
  if (!path.ok) return notFound();
  const body = await readInside(path.file, root);
  if (!body) return notFound();
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: headers(contentTypeFor(path.file)),
  });
}

/**
 * The file's bytes if it is a regular file whose real path (every symlink followed) is still
 * inside the real renderer folder. fs is read through the module object at call time: in
 * Electron that is the asar-aware fs, so this works inside app.asar too.
 */
async function readInside(file: string, root: string): Promise<Buffer | undefined> {
  try {
    const [realRoot, realFile] = await Promise.all([fs.promises.realpath(root), fs.promises.realpath(file)]);
    if (!isInsideFolder(realRoot, realFile)) return undefined;
    if (!(await fs.promises.stat(realFile)).isFile()) return undefined;
    return await fs.promises.readFile(realFile);
  } catch {
    return undefined;
  }
}

function notFound(): Response {
  return plain(404, 'Not found');
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}

function headers(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  };
}
