import { open, type FileHandle } from 'node:fs/promises';
import { backoffDelay, sleep, type RetryPolicy } from '../../retry';
import { readChunk } from '../read-chunk';
import { DriveError, failureForStatus, toDriveError } from './drive-error';
import { fileFields, uploadMetadata, type DriveTarget, type UploadJob, type UploadedFile } from './upload-job';

/** Chunks must be multiples of 256 KiB (Drive's rule), except the last. */
export const chunkQuantum = 256 * 1024;
/** Tries of one chunk without progress before the upload gives up (for the queue to retry later): 250 ms, 0.5 s, 1 s apart. */
const resumeRetry: RetryPolicy = { maxAttempts: 4, backoff: 'exponential', initialMs: 250, maxMs: 1_000, jitter: false };

type SessionState = { done: UploadedFile } | { offset: number } | { expired: true };
type DriveAnswer = { status: number; headers: Headers; data: unknown };

/**
 * One request of the upload protocol: Drive's answer whatever its status (each step reads the
 * status itself), as text, never retried by the client (the upload has its own resume), and
 * cancelled with the job.
 */
function uploadRequest(target: DriveTarget, job: UploadJob, request: { url: string; method: 'PUT' | 'POST'; headers: Record<string, string>; data?: unknown }): Promise<DriveAnswer> {
  return target.client.request({ ...request, responseType: 'text', validateStatus: () => true, retry: false, ...(job.signal ? { signal: job.signal } : {}) });
}

/**
 * Drive v3 resumable upload (developers.google.com/drive/api/guides/manage-uploads#resumable):
 * POST …/upload/drive/v3/files?uploadType=resumable opens a session (its URI comes back in
 * Location); PUTs send chunks with Content-Range; 308 + Range says how much Drive holds. A
 * dropped connection is followed by a status query (`Content-Range: bytes *\/TOTAL`) and the
 * upload goes on from what Drive has; the session URI is handed to `onSession` so even a
 * restart of the app continues rather than starting over.
 */
export async function resumableUpload(target: DriveTarget, job: UploadJob, chunkBytes: number): Promise<UploadedFile> {
  if (chunkBytes % chunkQuantum !== 0) throw new Error('chunkBytes must be a multiple of 256 KiB');
  let session = job.sessionUri;
  let offset = 0;
  if (session) {
    const state = await querySession(target, job, session);
    if ('done' in state) return state.done;
    if ('expired' in state) session = undefined;
    else offset = state.offset;
  }
  if (!session) {
    session = await startSession(target, job);
    job.onSession?.(session);
  }
  const file = await open(job.file, 'r');
  try {
    return await sendChunks(target, job, session, offset, chunkBytes, file);
  } finally {
    await file.close();
  }
}

async function sendChunks(target: DriveTarget, job: UploadJob, session: string, start: number, chunkBytes: number, file: FileHandle): Promise<UploadedFile> {
  let offset = start;
  let failures = 0;
  job.onProgress?.(offset, job.bytes);
  for (;;) {
    job.signal?.throwIfAborted();
    const end = Math.min(offset + chunkBytes, job.bytes);
    const chunk = await readChunk(file, offset, end - offset);
    let res: DriveAnswer;
    try {
      res = await uploadRequest(target, job, {
        url: session,
        method: 'PUT',
        headers: { 'Content-Type': job.mimeType, 'Content-Range': `bytes ${offset}-${end - 1}/${job.bytes}` },
        data: chunk,
      });
    } catch (err) {
      job.signal?.throwIfAborted();
      const failure = toDriveError(err, 'upload');
      if (++failures >= resumeRetry.maxAttempts) throw failure;
      const state = await resumeAfterFailure(target, job, session, failures);
      if ('done' in state) return state.done;
      offset = state.offset;
      continue;
    }
    const status = res.status;
    if (status === 308) {
      const next = rangeEnd(res.headers);
      if (next > offset) failures = 0;
      offset = next;
      job.onProgress?.(offset, job.bytes);
      continue;
    }
    if (status === 200 || status === 201) {
      job.onProgress?.(job.bytes, job.bytes);
      return parseFile(res.data);
    }
    const kind = failureForStatus(status);
    if (kind === 'expired') {
      job.onSession?.(undefined);
      throw new DriveError('expired', `upload: the Drive upload session expired (${status}); it starts over on the next try`, status);
    }
    if (kind !== 'transient' || ++failures >= resumeRetry.maxAttempts) throw new DriveError(kind, `upload: Drive answered ${status}`, status);
    const state = await resumeAfterFailure(target, job, session, failures);
    if ('done' in state) return state.done;
    offset = state.offset;
  }
}

async function resumeAfterFailure(target: DriveTarget, job: UploadJob, session: string, failures: number): Promise<{ done: UploadedFile } | { offset: number }> {
  await sleep(backoffDelay(resumeRetry, failures), { signal: job.signal });
  const state = await querySession(target, job, session);
  if ('expired' in state) {
    job.onSession?.(undefined);
    throw new DriveError('expired', 'upload: the Drive upload session expired; it starts over on the next try');
  }
  return state;
}

async function querySession(target: DriveTarget, job: UploadJob, session: string): Promise<SessionState> {
  let res: DriveAnswer;
  try {
    res = await uploadRequest(target, job, { url: session, method: 'PUT', headers: { 'Content-Range': `bytes */${job.bytes}`, 'Content-Length': '0' } });
  } catch (err) {
    throw toDriveError(err, 'upload status');
  }
  if (res.status === 308) return { offset: rangeEnd(res.headers) };
  if (res.status === 200 || res.status === 201) return { done: parseFile(res.data) };
  if (res.status === 404 || res.status === 410) return { expired: true };
  throw new DriveError(failureForStatus(res.status), `upload status: Drive answered ${res.status}`, res.status);
}

async function startSession(target: DriveTarget, job: UploadJob): Promise<string> {
  const url = new URL('upload/drive/v3/files', target.rootUrl);
  url.searchParams.set('uploadType', 'resumable');
  url.searchParams.set('supportsAllDrives', 'true');
  url.searchParams.set('fields', fileFields);
  let res: DriveAnswer;
  try {
    res = await uploadRequest(target, job, {
      url: url.href,
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=UTF-8',
        'X-Upload-Content-Type': job.mimeType,
        'X-Upload-Content-Length': String(job.bytes),
      },
      data: JSON.stringify(uploadMetadata(target, job)),
    });
  } catch (err) {
    throw toDriveError(err, 'upload start');
  }
  if (res.status !== 200) throw new DriveError(failureForStatus(res.status) === 'expired' ? 'rejected' : failureForStatus(res.status), `upload start: Drive answered ${res.status}`, res.status);
  const location = res.headers.get('location');
  if (!location) throw new DriveError('transient', 'upload start: Drive gave no session address');
  const sessionUrl = new URL(location, target.rootUrl);
  if (!sameService(sessionUrl, new URL(target.rootUrl))) throw new DriveError('rejected', `upload start: Drive pointed the upload at another host (${sessionUrl.host})`);
  return sessionUrl.href;
}

/** The credentials go only to the Drive API's own host (or Google's upload hosts). */
function sameService(session: URL, root: URL): boolean {
  if (session.origin === root.origin) return true;
  return session.protocol === 'https:' && root.hostname.endsWith('googleapis.com') && session.hostname.endsWith('.googleapis.com');
}

/** `Range: bytes=0-524287` → 524288 (the next byte to send); none → 0. */
function rangeEnd(headers: Headers): number {
  const match = /bytes=0-(\d+)/.exec(headers.get('range') ?? '');
  return match ? Number(match[1]) + 1 : 0;
}

function parseFile(data: unknown): UploadedFile {
  const body = typeof data === 'string' ? (JSON.parse(data || '{}') as Record<string, unknown>) : (data as Record<string, unknown>);
  if (typeof body?.id !== 'string') throw new DriveError('transient', 'upload: Drive finished without a file id');
  return { id: body.id, ...(typeof body.webContentLink === 'string' ? { webContentLink: body.webContentLink } : {}) };
}
