import { randomUUID } from 'node:crypto';
import type { UploadPlan, UploadRecord, UploadStatus } from '../../../shared/contract/products';
import type { Db } from '../db/open';

/** A row as core sees it: the record the contract shows, plus the resumable session (never shown). */
export interface StoredUpload extends UploadRecord {
  sessionUri?: string;
}

export type UploadPatch = Partial<{
  status: UploadStatus;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  sessionUri: string | null;
  driveFileId: string | null;
  driveDownloadUrl: string | null;
  approvalId: string | null;
}>;

const columns: Record<keyof UploadPatch, string> = {
  status: 'status',
  attempts: 'attempts',
  nextAttemptAt: 'next_attempt_at',
  lastError: 'last_error',
  sessionUri: 'session_uri',
  driveFileId: 'drive_file_id',
  driveDownloadUrl: 'drive_download_url',
  approvalId: 'approval_id',
};

/** Every column, named and ordered as the record names them. */
const uploadColumns = `id, slug, version, sha256, bytes, zip_path AS zipPath, status, plan, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError,
  session_uri AS sessionUri, drive_file_id AS driveFileId, drive_download_url AS driveDownloadUrl, approval_id AS approvalId, created_at AS createdAt,
  updated_at AS updatedAt`;

/** The fields a row holds as NULL when they are unset; the record leaves them out. */
const unsetWhenNull = ['nextAttemptAt', 'lastError', 'sessionUri', 'driveFileId', 'driveDownloadUrl', 'approvalId'] as const;

type UnsetWhenNull = (typeof unsetWhenNull)[number];

/** A row as uploadColumns reads it. */
type Row = Omit<Required<StoredUpload>, 'plan' | UnsetWhenNull> & { plan: string } & { [K in UnsetWhenNull]: Required<StoredUpload>[K] | null };

function fromRow(r: Row): StoredUpload {
  const upload: Record<string, unknown> = { ...r, plan: JSON.parse(r.plan) as UploadPlan };
  for (const field of unsetWhenNull) if (upload[field] === null) delete upload[field];
  return upload as unknown as StoredUpload;
}

/** Strips what must not leave core (the session URI is a credential for the upload). */
export function publicUpload(u: StoredUpload): UploadRecord {
  const { sessionUri: _session, ...record } = u;
  return record;
}

/** The product_uploads table. */
export class UploadStore {
  constructor(private readonly db: Db) {}

  insert(u: { slug: string; version: string; zipPath: string; sha256: string; bytes: number; status: UploadStatus; plan: UploadPlan; now: number }): StoredUpload {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO product_uploads (id, slug, version, zip_path, sha256, bytes, status, plan, attempts, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
      )
      .run(id, u.slug, u.version, u.zipPath, u.sha256, u.bytes, u.status, JSON.stringify(u.plan), u.status === 'queued' ? u.now : null, u.now, u.now);
    return this.get(id)!;
  }

  get(id: string): StoredUpload | undefined {
    const row = this.db.prepare(`SELECT ${uploadColumns} FROM product_uploads WHERE id = ?`).get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  list(slug?: string): StoredUpload[] {
    const rows = (
      slug === undefined
        ? this.db.prepare(`SELECT ${uploadColumns} FROM product_uploads ORDER BY created_at DESC, rowid DESC`).all()
        : this.db.prepare(`SELECT ${uploadColumns} FROM product_uploads WHERE slug = ? ORDER BY created_at DESC, rowid DESC`).all(slug)
    ) as Row[];
    return rows.map(fromRow);
  }

  latest(slug: string): StoredUpload | undefined {
    return this.list(slug)[0];
  }

  /** The newest upload of this exact archive that is not finished badly. */
  findArchive(slug: string, sha256: string): StoredUpload | undefined {
    const row = this.db
      .prepare(`SELECT ${uploadColumns} FROM product_uploads WHERE slug = ? AND sha256 = ? AND status NOT IN ('failed', 'superseded', 'rejected') ORDER BY created_at DESC, rowid DESC LIMIT 1`)
      .get(slug, sha256) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Queued rows whose backoff has passed, and uploads whose lease ran out (a process died mid-upload). */
  due(now: number, ignoreBackoff = false): StoredUpload[] {
    const rows = this.db
      .prepare(
        `SELECT ${uploadColumns} FROM product_uploads
         WHERE (status = 'queued' AND (? OR next_attempt_at IS NULL OR next_attempt_at <= ?))
            OR (status = 'uploading' AND next_attempt_at <= ?)
         ORDER BY created_at, rowid`,
      )
      .all(ignoreBackoff ? 1 : 0, now, now) as Row[];
    return rows.map(fromRow);
  }

  /** Takes the upload for this process: false when another process holds it. */
  claim(id: string, now: number, leaseMs: number): boolean {
    const result = this.db
      .prepare(
        `UPDATE product_uploads SET status = 'uploading', next_attempt_at = ?, updated_at = ?
         WHERE id = ? AND (status = 'queued' OR (status = 'uploading' AND next_attempt_at <= ?))`,
      )
      .run(now + leaseMs, now, id, now);
    return result.changes === 1;
  }

  update(id: string, patch: UploadPatch, now: number): StoredUpload {
    const keys = Object.keys(patch) as Array<keyof UploadPatch>;
    const sets = keys.map((k) => `${columns[k]} = ?`);
    this.db.prepare(`UPDATE product_uploads SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ?`).run(...keys.map((k) => patch[k] ?? null), now, id);
    return this.get(id)!;
  }

  /** Older uploads of a product that were never sent are replaced by a newer build; returns them (their approvals are withdrawn). */
  supersedeOthers(slug: string, keepId: string, now: number): StoredUpload[] {
    const rows = this.db
      .prepare(`UPDATE product_uploads SET status = 'superseded', session_uri = NULL, updated_at = ? WHERE slug = ? AND id != ? AND status IN ('needs-approval', 'queued') RETURNING ${uploadColumns}`)
      .all(now, slug, keepId) as Row[];
    return rows.map(fromRow);
  }

  /** Uploads waiting for a pre-launch approval. */
  needingApproval(): StoredUpload[] {
    return (this.db.prepare(`SELECT ${uploadColumns} FROM product_uploads WHERE status = 'needs-approval' ORDER BY created_at, rowid`).all() as Row[]).map(fromRow);
  }
}
