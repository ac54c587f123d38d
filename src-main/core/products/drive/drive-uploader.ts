import { open } from 'node:fs/promises';
import { loadDrive } from './credentials';
import { DriveError, toDriveError } from './drive-error';
import { resumableUpload } from './resumable-upload';
import { fileFields, uploadMetadata, type DriveTarget, type UploadJob, type UploadedFile, type UploadTuning } from './upload-job';

/**
 * Puts one file on Drive with the official client (@googleapis/drive): small files in one
 * multipart request, larger ones with the resumable protocol. `supportsAllDrives` is always
 * set so folders in shared drives work (the seed's hard-won rule). The client ignores a
 * client-level rootUrl for media uploads, so rootUrl is passed on every call.
 */
export async function uploadFile(target: DriveTarget, job: UploadJob, tuning: UploadTuning = {}): Promise<UploadedFile> {
  const multipartMax = tuning.multipartMaxBytes ?? 5 * 1024 * 1024;
  if (job.bytes > multipartMax || job.sessionUri) return resumableUpload(target, job, tuning.chunkBytes ?? 8 * 1024 * 1024);
  const drive = loadDrive().drive({ version: 'v3', auth: target.client });
  // Opened before the request and closed after it: a stream left to open on its own can fail
  // after the call has already been answered (the archive rebuilt or removed meanwhile), with
  // nobody left to hear it.
  const file = await open(job.file, 'r');
  try {
    job.onProgress?.(0, job.bytes);
    const res = await drive.files.create(
      {
        requestBody: uploadMetadata(target, job),
        media: { mimeType: job.mimeType, body: file.createReadStream({ autoClose: false }) },
        supportsAllDrives: true,
        fields: fileFields,
      },
      {
        rootUrl: target.rootUrl,
        retry: false,
        onUploadProgress: (e: { bytesRead: number }) => job.onProgress?.(Math.min(e.bytesRead, job.bytes), job.bytes),
        ...(job.signal ? { signal: job.signal } : {}),
      },
    );
    if (!res.data.id) throw new DriveError('transient', 'upload: Drive answered without a file id');
    job.onProgress?.(job.bytes, job.bytes);
    return { id: res.data.id, ...(res.data.webContentLink ? { webContentLink: res.data.webContentLink } : {}) };
  } catch (err) {
    throw toDriveError(err, 'upload');
  } finally {
    await file.close();
  }
}

/** "Anyone with the link" may download it: permissions.create { type: anyone, role: reader }. */
export async function shareWithAnyone(target: DriveTarget, fileId: string, signal?: AbortSignal): Promise<void> {
  const drive = loadDrive().drive({ version: 'v3', auth: target.client });
  try {
    await drive.permissions.create(
      { fileId, supportsAllDrives: true, fields: 'id', requestBody: { type: 'anyone', role: 'reader' } },
      { rootUrl: target.rootUrl, retry: false, ...(signal ? { signal } : {}) },
    );
  } catch (err) {
    throw toDriveError(err, 'share');
  }
}

/** The link a buyer downloads from (Drive's webContentLink, or the same form built from the id). */
export function downloadUrlFor(file: UploadedFile): string {
  return file.webContentLink ?? `https://drive.google.com/uc?id=${encodeURIComponent(file.id)}&export=download`;
}
