import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { pageCsp, sendBody } from './respond';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const notBuiltPage = `<!doctype html><meta charset="utf-8"><title>Levqor X</title>
<body style="background:#0C0F14;color:#E6EAF2;font-family:system-ui;padding:3rem">
<h1>Levqor X Control Center</h1><p>The window is not built yet. Run <code>npm run build</code>, then start the server again.</p></body>`;

/** The built renderer, with index.html for any path that is not a file (client-side routes). */
export async function serveStatic(res: ServerResponse, rendererDir: string | undefined, urlPath: string): Promise<void> {
  if (!rendererDir) return sendBody(res, 200, types['.html']!, notBuiltPage, { 'content-security-policy': pageCsp });
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const file = join(rendererDir, relative);
  const inside = file === rendererDir || file.startsWith(rendererDir + sep);
  let target = join(rendererDir, 'index.html');
  if (inside && relative !== '') {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) target = file;
  }
  let body: Buffer;
  try {
    body = await readFile(target);
  } catch {
    return sendBody(res, 200, types['.html']!, notBuiltPage, { 'content-security-policy': pageCsp });
  }
  const type = types[extname(target)] ?? 'application/octet-stream';
  const isHtml = type.startsWith('text/html');
  sendBody(res, 200, type, body, {
    // hashed assets never change; the page itself must be re-read after an upgrade
    'cache-control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    ...(isHtml ? { 'content-security-policy': pageCsp } : {}),
  });
}
