import { formatBytes } from '../../../shared/bytes';
import type { Approval } from '../../../shared/contract/approvals';
import type { ApprovalService, SubjectApprovalRequest } from '../approvals';
import type { StoredUpload } from './upload-store';

/** What the upload queue needs of the approval system (createCore hands it the ApprovalService). */
export type ApprovalPort = Pick<ApprovalService, 'request' | 'cancel' | 'get' | 'audit' | 'registerSubject'>;

/** A pre-launch upload nobody decides on within a week is rejected: nothing is sent. */
export const uploadApprovalTimeoutMs = 7 * 24 * 3_600_000;

export function uploadApprovalRequest(u: StoredUpload): SubjectApprovalRequest {
  return {
    subject: { kind: 'product.upload', ref: u.id, title: `Upload ${u.plan.fileName} to Google Drive` },
    action: 'drive.upload',
    class: 'B',
    stage: 'pre-launch',
    message: `Upload ${u.plan.fileName} (${u.slug} ${u.version}, ${formatBytes(u.bytes)}) to Google Drive and share it with anyone who has the link`,
    preview: { slug: u.slug, version: u.version, sha256: u.sha256, zipPath: u.zipPath, plan: u.plan },
    requestedBy: `product compile (${u.slug})`,
    timeoutMs: uploadApprovalTimeoutMs,
  };
}

/** "by ada: not now" for a decided approval; "" when there is nothing to say. */
export function decidedBy(a: Approval): string {
  return `${a.decidedBy ? ` by ${a.decidedBy}` : ''}${a.reason ? `: ${a.reason}` : ''}`;
}
