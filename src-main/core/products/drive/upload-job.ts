import type { DriveAuthClient } from './credentials';

/** What both upload paths (one multipart request, a resumable session) take and give back. */

export interface DriveTarget {
  client: DriveAuthClient;
  /** The API's root, e.g. https://www.googleapis.com/ (a local server in tests). */
  rootUrl: string;
  /** A folder (in My Drive or a shared drive); none means My Drive's root. */
  folderId?: string;
}

export interface UploadJob {
  file: string;
  name: string;
  mimeType: string;
  bytes: number;
  /** A resumable session from an earlier, interrupted try. */
  sessionUri?: string;
  /** Called with a new session (to keep) or undefined (session gone). */
  onSession?: (uri: string | undefined) => void;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  signal?: AbortSignal;
}

export interface UploadedFile {
  id: string;
  webContentLink?: string;
}

export interface UploadTuning {
  /** Up to this size one multipart request; above it a resumable session (Google's advice: 5 MB). */
  multipartMaxBytes?: number;
  /** Resumable chunk size, a multiple of 256 KiB. */
  chunkBytes?: number;
}

export const fileFields = 'id,name,webContentLink';

export function uploadMetadata(target: DriveTarget, job: UploadJob): { name: string; mimeType: string; parents?: string[] } {
  return { name: job.name, mimeType: job.mimeType, ...(target.folderId ? { parents: [target.folderId] } : {}) };
}
