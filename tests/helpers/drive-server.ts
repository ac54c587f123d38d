import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small Google Drive v3 on 127.0.0.1 that speaks the wire format the real one does, for the
 * parts the launch pipeline uses: multipart and resumable uploads (POST /upload/drive/v3/files,
 * session PUTs with Content-Range, 308 + Range), permissions.create, files.get and files.list
 * of folders (the credentials' "Test"), and the OAuth token endpoint. It keeps what it received so tests can check the bytes that arrived.
 */
export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents?: string[];
  data: Buffer;
  uploadType: 'multipart' | 'resumable';
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization?: string;
  contentRange?: string;
}

interface Session {
  meta: { name: string; mimeType?: string; parents?: string[] };
  total: number;
  received: Buffer;
  file?: DriveFile;
}

export interface FakeDrive {
  url: string;
  port: number;
  files: Map<string, DriveFile>;
  permissions: Map<string, Array<{ type: string; role: string }>>;
  requests: RecordedRequest[];
  /** Folders by id (My Drive's root is `root`, always there): addFolder makes one. */
  folders: Map<string, { id: string; name: string }>;
  addFolder(name: string): string;
  /** The next chunk PUT is cut off (the socket destroyed) after this many of its bytes. */
  interruptNextChunkAfter(bytes: number): void;
  /** The next `times` requests of this kind answer with this status. */
  failNext(kind: 'multipart' | 'resumable-start' | 'chunk' | 'permission', status: number, times?: number): void;
  close(): Promise<void>;
}

export const goodToken = 'ya29.test-token';

const folderType = 'application/vnd.google-apps.folder';

export async function startFakeDrive(options: { port?: number; token?: string } = {}): Promise<FakeDrive> {
  const token = options.token ?? goodToken;
  const files = new Map<string, DriveFile>();
  const permissions = new Map<string, Array<{ type: string; role: string }>>();
  const sessions = new Map<string, Session>();
  const requests: RecordedRequest[] = [];
  let interruptAfter: number | undefined;
  const failures = new Map<string, { status: number; times: number }>();
  const folders = new Map<string, { id: string; name: string }>();
  let base = '';
  const inFolder = (id: string) => [
    ...[...files.values()].filter((f) => (f.parents ?? ['root']).includes(id)).map(fileResource),
    ...(id === 'root' ? [...folders.values()].map((f) => ({ kind: 'drive#file', id: f.id, name: f.name, mimeType: folderType })) : []),
  ];

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
    res.end(JSON.stringify(body));
  };
  const takeFailure = (kind: string): number | undefined => {
    const failure = failures.get(kind);
    if (!failure) return undefined;
    if (--failure.times <= 0) failures.delete(kind);
    return failure.status;
  };
  const fileResource = (f: DriveFile) => ({
    kind: 'drive#file',
    id: f.id,
    name: f.name,
    mimeType: f.mimeType,
    webContentLink: `https://drive.google.com/uc?id=${f.id}&export=download`,
  });
  const authorized = (req: IncomingMessage) => req.headers.authorization === `Bearer ${token}`;

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(req.headers['content-range'] ? { contentRange: String(req.headers['content-range']) } : {}),
    });

    // a chunk PUT may be cut off part-way: read it by hand
    if (req.method === 'PUT' && url.pathname === '/upload/drive/v3/files' && query.upload_id) {
      return handleChunk(req, res, query.upload_id);
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'POST' && url.pathname === '/token') {
        const form = new URLSearchParams(body.toString());
        if (form.get('grant_type') !== 'refresh_token' || !form.get('refresh_token')) return json(res, 400, { error: 'invalid_grant' });
        return json(res, 200, { access_token: token, expires_in: 3600, token_type: 'Bearer' });
      }
      if (!authorized(req)) return json(res, 401, { error: { code: 401, message: 'Request had invalid authentication credentials.' } });
      if (req.method === 'POST' && url.pathname === '/upload/drive/v3/files' && query.uploadType === 'multipart') {
        const failed = takeFailure('multipart');
        if (failed) return json(res, failed, { error: { code: failed, message: 'failed on purpose' } });
        const parts = parseMultipart(body, String(req.headers['content-type'] ?? ''));
        if (!parts) return json(res, 400, { error: { code: 400, message: 'bad multipart body' } });
        const meta = JSON.parse(parts.metadata.toString()) as Session['meta'];
        const file: DriveFile = { id: randomUUID(), name: meta.name, mimeType: parts.mediaType, ...(meta.parents ? { parents: meta.parents } : {}), data: parts.media, uploadType: 'multipart' };
        files.set(file.id, file);
        return json(res, 200, fileResource(file));
      }
      if (req.method === 'POST' && url.pathname === '/upload/drive/v3/files' && query.uploadType === 'resumable') {
        const failed = takeFailure('resumable-start');
        if (failed) return json(res, failed, { error: { code: failed, message: 'failed on purpose' } });
        const total = Number(req.headers['x-upload-content-length']);
        const meta = JSON.parse(body.toString() || '{}') as Session['meta'];
        const id = randomUUID();
        sessions.set(id, { meta: { ...meta, mimeType: String(req.headers['x-upload-content-type'] ?? meta.mimeType) }, total, received: Buffer.alloc(0) });
        res.writeHead(200, { location: `${base}upload/drive/v3/files?uploadType=resumable&upload_id=${id}`, 'content-length': '0' });
        return res.end();
      }
      if (req.method === 'GET' && url.pathname === '/drive/v3/files') {
        const parent = /^'([^']+)' in parents/.exec(query.q ?? '')?.[1];
        if (!parent) return json(res, 400, { error: { code: 400, message: 'this fake lists by parent only' } });
        if (parent !== 'root' && !folders.has(parent)) return json(res, 404, { error: { code: 404, message: `File not found: ${parent}.` } });
        return json(res, 200, { kind: 'drive#fileList', files: inFolder(parent).slice(0, Number(query.pageSize ?? 100)) });
      }
      const get = /^\/drive\/v3\/files\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && get) {
        const id = decodeURIComponent(get[1]!);
        const folder = folders.get(id);
        if (folder) return json(res, 200, { kind: 'drive#file', id, name: folder.name, mimeType: folderType });
        const file = files.get(id);
        return file ? json(res, 200, fileResource(file)) : json(res, 404, { error: { code: 404, message: `File not found: ${id}.` } });
      }
      const perm = /^\/drive\/v3\/files\/([^/]+)\/permissions$/.exec(url.pathname);
      if (req.method === 'POST' && perm) {
        const failed = takeFailure('permission');
        if (failed) return json(res, failed, { error: { code: failed, message: 'failed on purpose' } });
        const fileId = decodeURIComponent(perm[1]!);
        if (!files.has(fileId)) return json(res, 404, { error: { code: 404, message: `File not found: ${fileId}.` } });
        const p = JSON.parse(body.toString()) as { type: string; role: string };
        permissions.set(fileId, [...(permissions.get(fileId) ?? []), { type: p.type, role: p.role }]);
        return json(res, 200, { kind: 'drive#permission', id: 'anyoneWithLink', type: p.type, role: p.role });
      }
      json(res, 404, { error: { code: 404, message: 'Not Found' } });
    });
  });

  function handleChunk(req: IncomingMessage, res: ServerResponse, uploadId: string): void {
    const session = sessions.get(uploadId);
    const range = String(req.headers['content-range'] ?? '');
    const statusOf = () => {
      if (session!.file) return json(res, 200, fileResource(session!.file));
      const headers: Record<string, string> = { 'content-length': '0' };
      if (session!.received.length > 0) headers.range = `bytes=0-${session!.received.length - 1}`;
      res.writeHead(308, headers);
      res.end();
    };
    if (!session) {
      req.resume();
      return void json(res, 404, { error: { code: 404, message: 'upload session not found' } });
    }
    const query = /^bytes \*\/(\d+)$/.exec(range);
    if (query) {
      req.resume();
      req.on('end', statusOf);
      return;
    }
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
    if (!m) {
      req.resume();
      return void json(res, 400, { error: { code: 400, message: `bad Content-Range "${range}"` } });
    }
    const failed = takeFailure('chunk');
    const start = Number(m[1]);
    const cut = interruptAfter;
    interruptAfter = undefined;
    let got = 0;
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      if (cut !== undefined && got + c.length >= cut) {
        parts.push(c.subarray(0, cut - got));
        got = cut;
        // keep what arrived (Drive does), then drop the connection mid-request
        if (start === session.received.length) session.received = Buffer.concat([session.received, ...parts]);
        req.socket.destroy();
        return;
      }
      parts.push(c);
      got += c.length;
    });
    req.on('end', () => {
      if (failed) return json(res, failed, { error: { code: failed, message: 'failed on purpose' } });
      // a chunk that does not start where Drive stands is answered with where it stands
      if (start === session.received.length) session.received = Buffer.concat([session.received, ...parts]);
      if (session.received.length >= session.total) {
        session.file ??= {
          id: randomUUID(),
          name: session.meta.name,
          mimeType: session.meta.mimeType ?? 'application/octet-stream',
          ...(session.meta.parents ? { parents: session.meta.parents } : {}),
          data: session.received,
          uploadType: 'resumable',
        };
        files.set(session.file.id, session.file);
      }
      statusOf();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}/`;
  return {
    url: base,
    port,
    files,
    permissions,
    requests,
    folders,
    addFolder: (name) => {
      const id = `folder${folders.size + 1}_${randomUUID().slice(0, 8)}`;
      folders.set(id, { id, name });
      return id;
    },
    interruptNextChunkAfter: (bytes) => (interruptAfter = bytes),
    failNext: (kind, status, times = 1) => failures.set(kind, { status, times }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (yet): take one, let it go. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** multipart/related: a JSON metadata part, then the media part (RFC 2387, as the client sends it). */
function parseMultipart(body: Buffer, contentType: string): { metadata: Buffer; media: Buffer; mediaType: string } | undefined {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const pieces: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next === -1) break;
    pieces.push(body.subarray(at + delimiter.length, next));
    at = next;
  }
  const parts = pieces.map((p) => {
    const headerEnd = p.indexOf('\r\n\r\n');
    const headers = p.subarray(0, headerEnd).toString().toLowerCase();
    let content = p.subarray(headerEnd + 4);
    if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2);
    return { type: /content-type:\s*([^\r\n;]+)/.exec(headers)?.[1]?.trim() ?? '', content };
  });
  if (parts.length !== 2) return undefined;
  return { metadata: parts[0]!.content, media: parts[1]!.content, mediaType: parts[1]!.type };
}
