import type { UploadRecord } from '../../../../shared/contract/products';
import type { productStatuses } from '../../../../shared/product';
import type { Tone } from '../../components/tone';
import { formatTime } from '../../format/time';

export { formatBytes } from '../../../../shared/bytes';
export { formatMoney as formatPrice } from '../../../../shared/money';

/** Whole percent done, 0–100; an empty total counts as done. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

export type UploadTone = 'ok' | 'wait' | 'warn' | 'bad' | 'none';

/** The colour of each upload state's dot. */
export const uploadToneColour: Record<UploadTone, Tone> = { ok: 'good', wait: 'info', warn: 'warn', bad: 'bad', none: 'muted' };

/** The colour of a product's status pill. */
export const productStatusTone: Record<(typeof productStatuses)[number], Tone> = { draft: 'muted', ready: 'info', launched: 'teal' };

export interface UploadView {
  label: string;
  tone: UploadTone;
  detail?: string;
  link?: string;
  /** Pre-launch: the approval the upload waits for (its decision is made in the Approvals inbox). */
  approvalId?: string;
}

/** The founder's words for an upload record's state (README, "Drive upload"). */
export function uploadView(upload: UploadRecord | undefined, hasBuild: boolean): UploadView {
  if (!upload) return hasBuild ? { label: 'not uploaded', tone: 'none', detail: 'compiled with the upload skipped' } : { label: 'nothing to upload yet', tone: 'none' };
  switch (upload.status) {
    case 'needs-approval':
      return {
        label: 'waiting for approval',
        tone: 'warn',
        detail: 'pre-launch: nothing is sent to Drive until you approve it',
        ...(upload.approvalId ? { approvalId: upload.approvalId } : {}),
      };
    case 'queued':
      return {
        label: 'waiting to upload',
        // a queued upload that something keeps from Drive (no credentials, offline) needs a look
        tone: upload.lastError ? 'warn' : 'wait',
        detail: [
          upload.attempts > 0 ? `${upload.attempts} attempt${upload.attempts === 1 ? '' : 's'}` : undefined,
          upload.nextAttemptAt ? `next try ${formatTime(upload.nextAttemptAt)}` : undefined,
          upload.lastError,
        ]
          .filter(Boolean)
          .join(' · ') || undefined,
      };
    case 'uploading':
      return { label: 'uploading', tone: 'wait' };
    case 'done':
      return { label: 'uploaded', tone: 'ok', ...(upload.driveDownloadUrl ? { link: upload.driveDownloadUrl } : {}) };
    case 'failed':
      return { label: 'failed', tone: 'bad', detail: upload.lastError ?? 'no reason recorded' };
    case 'superseded':
      return { label: 'superseded', tone: 'none', detail: 'a newer build replaced it before it was sent' };
    case 'rejected':
      return { label: 'not approved', tone: 'bad', detail: `nothing was sent to Drive${upload.lastError ? `: ${upload.lastError}` : ''}` };
  }
}
