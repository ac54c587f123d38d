import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { UploadPlan, UploadRecord } from '../../../shared/contract/products';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import type { StageService } from '../stage/stage-service';
import { authFromCredentials } from './drive/credentials';
import { DriveError } from './drive/drive-error';
import { downloadUrlFor, shareWithAnyone, uploadFile, type DriveTarget, type UploadTuning } from './drive/drive-uploader';
import { publicUpload, UploadStore, type StoredUpload } from './upload-store';

export interface UploadDeps {
  store: UploadStore;
  secrets: SecretStore;
  settings: SettingsService;
  stage: StageService;
  events: EventBus;
  clock: Clock;
  log: Logger;
  tuning?: UploadTuning;
  /** Called once an upload is done (the site config then gets its driveDownloadUrl). */
  onDone?: (upload: UploadRecord) => void;
}

export interface ArchiveToUpload {
  slug: string;
  version: string;
  zipPath: string;
  sha256: string;
  bytes: number;
}

export interface AttemptOptions {
  signal?: AbortSignal;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

const mimeType = 'application/zip';
/** Backoff after the n-th failed try: 30 s, 1 min, 2 min … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}
/** How long a claimed upload is ours before another process may take it over (a crash). */
const leaseMs = 15 * 60_000;

/**
 * The Drive upload of compiled archives: Class B (ARCHITECTURE §4). In pre-launch it records
 * a dry run (`needs-approval`, with the plan of what it would do); in post-launch it uploads,
 * and whatever keeps it from Drive (no network, no credentials, Drive busy) leaves it
 * `queued`, retried with backoff until Drive answers.
 *
 * TODO(approvals): when the workflow engine's approvals land, a `needs-approval` row becomes
 * an approval request (class B, the plan as its "what"); approving it moves the row to
 * `queued` and calls `attempt`; rejecting or timing out marks it `failed`. One mechanism.
 */
export class UploadService {
  private readonly active = new Map<string, AbortController>();

  constructor(private readonly deps: UploadDeps) {}

  /** Records the upload of an archive (or finds the one already made) and tries it once. */
  async request(archive: ArchiveToUpload, options: AttemptOptions = {}): Promise<UploadRecord> {
    const { store, clock, stage } = this.deps;
    const now = clock.now();
    let upload = store.findArchive(archive.slug, archive.sha256);
    if (upload?.status === 'done') return publicUpload(upload);
    if (!upload) {
      const status = stage.current === 'pre-launch' ? 'needs-approval' : 'queued';
      upload = store.insert({ ...archive, status, plan: this.plan(archive), now });
    } else if (upload.status === 'needs-approval' && stage.current === 'post-launch') {
      upload = store.update(upload.id, { status: 'queued', nextAttemptAt: now }, now);
    }
    store.supersedeOthers(archive.slug, upload.id, now);
    this.changed(upload);
    if (upload.status !== 'queued' && upload.status !== 'uploading') return publicUpload(upload);
    return this.attempt(upload.id, options);
  }

  /** One try at one upload; never throws for Drive trouble (the row says what happened). */
  async attempt(id: string, options: AttemptOptions = {}): Promise<UploadRecord> {
    const { store, clock, stage } = this.deps;
    let upload = store.get(id);
    if (!upload) throw new CoreError('NOT_FOUND', `no upload ${id}`);
    if (stage.current === 'pre-launch') {
      // Class B in pre-launch: a dry run unless approved (see the TODO above)
      return this.changed(store.update(id, { status: 'needs-approval', nextAttemptAt: null }, clock.now()));
    }
    if (this.active.has(id) || !store.claim(id, clock.now(), leaseMs)) return publicUpload(upload);
    const controller = new AbortController();
    this.active.set(id, controller);
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    try {
      upload = store.get(id)!;
      this.changed(upload);
      const done = await this.send(upload, { ...options, signal });
      return this.changed(done);
    } catch (err) {
      if (signal.aborted) {
        this.changed(store.update(id, { status: 'queued', nextAttemptAt: clock.now() + backoffMs(1), lastError: 'cancelled' }, clock.now()));
        throw new CoreError('CANCELLED', `the upload of ${upload.slug} was cancelled; it is queued again`);
      }
      return this.changed(this.failed(upload, err));
    } finally {
      this.active.delete(id);
    }
  }

  /** Every due upload (or every waiting one, `now`), one after another. */
  async processDue(options: { ignoreBackoff?: boolean } = {}): Promise<{ attempted: number; uploaded: number }> {
    const due = this.deps.store.due(this.deps.clock.now(), options.ignoreBackoff ?? false);
    let uploaded = 0;
    for (const u of due) {
      const result = await this.attempt(u.id).catch(() => undefined);
      if (result?.status === 'done') uploaded++;
    }
    return { attempted: due.length, uploaded };
  }

  cancel(slug: string): boolean {
    let cancelled = false;
    for (const [id, controller] of this.active) {
      if (this.deps.store.get(id)?.slug === slug) {
        controller.abort();
        cancelled = true;
      }
    }
    return cancelled;
  }

  list(slug?: string): UploadRecord[] {
    return this.deps.store.list(slug).map(publicUpload);
  }

  latest(slug: string): UploadRecord | undefined {
    const u = this.deps.store.latest(slug);
    return u ? publicUpload(u) : undefined;
  }

  /** The Drive link of this exact archive, when it is there. */
  uploadedUrl(slug: string, sha256: string): string | undefined {
    const u = this.deps.store.findArchive(slug, sha256);
    return u?.status === 'done' ? u.driveDownloadUrl : undefined;
  }

  private plan(archive: ArchiveToUpload): UploadPlan {
    const folderId = this.deps.settings.get('drive.folderId');
    return {
      fileName: basename(archive.zipPath),
      mimeType,
      bytes: archive.bytes,
      ...(folderId ? { folderId } : {}),
      supportsAllDrives: true,
      permission: { type: 'anyone', role: 'reader' },
    };
  }

  private async send(upload: StoredUpload, options: AttemptOptions): Promise<StoredUpload> {
    const { store, clock, secrets, settings } = this.deps;
    if (!existsSync(upload.zipPath) || statSync(upload.zipPath).size !== upload.bytes) {
      throw new DriveError('rejected', `${upload.zipPath} is gone or has changed since it was compiled; compile again`);
    }
    const credentials = secrets.reveal('google.driveCredentials');
    if (!credentials) throw new DriveError('credentials', 'no Google Drive credentials: set the secret google.driveCredentials');
    const target: DriveTarget = {
      client: authFromCredentials(credentials),
      rootUrl: settings.get('drive.rootUrl'),
      ...(upload.plan.folderId ? { folderId: upload.plan.folderId } : {}),
    };
    let fileId = upload.driveFileId;
    let leaseRenewedAt = clock.now();
    let link: string | undefined;
    if (!fileId) {
      const file = await uploadFile(
        target,
        {
          file: upload.zipPath,
          name: upload.plan.fileName,
          mimeType: upload.plan.mimeType,
          bytes: upload.bytes,
          ...(upload.sessionUri ? { sessionUri: upload.sessionUri } : {}),
          onSession: (uri) => store.update(upload.id, { sessionUri: uri ?? null, nextAttemptAt: clock.now() + leaseMs }, clock.now()),
          onProgress: (done, total) => {
            // a long upload keeps its lease, so no other process takes it over
            if (clock.now() - leaseRenewedAt > 60_000) {
              leaseRenewedAt = clock.now();
              store.update(upload.id, { nextAttemptAt: leaseRenewedAt + leaseMs }, leaseRenewedAt);
            }
            options.onProgress?.(done, total);
          },
          ...(options.signal ? { signal: options.signal } : {}),
        },
        this.deps.tuning,
      );
      fileId = file.id;
      link = downloadUrlFor(file);
      // kept before sharing, so a retry only shares and never uploads a second copy
      store.update(upload.id, { driveFileId: fileId, sessionUri: null, driveDownloadUrl: link }, clock.now());
    }
    await shareWithAnyone(target, fileId, options.signal);
    const done = store.update(
      upload.id,
      { status: 'done', nextAttemptAt: null, lastError: null, driveDownloadUrl: link ?? store.get(upload.id)?.driveDownloadUrl ?? downloadUrlFor({ id: fileId }) },
      clock.now(),
    );
    this.deps.log.info({ slug: upload.slug, fileId }, 'product uploaded to Drive');
    this.deps.onDone?.(publicUpload(done));
    return done;
  }

  private failed(upload: StoredUpload, err: unknown): StoredUpload {
    const { store, clock, log } = this.deps;
    const now = clock.now();
    const attempts = upload.attempts + 1;
    const message = err instanceof Error ? err.message : String(err);
    const final = err instanceof DriveError && err.kind === 'rejected';
    log.warn({ slug: upload.slug, attempts, kind: err instanceof DriveError ? err.kind : 'error' }, 'product upload did not go through');
    if (final) return store.update(upload.id, { status: 'failed', attempts, nextAttemptAt: null, lastError: message }, now);
    return store.update(upload.id, { status: 'queued', attempts, nextAttemptAt: now + backoffMs(attempts), lastError: message }, now);
  }

  private changed(upload: StoredUpload): UploadRecord {
    const record = publicUpload(upload);
    this.deps.events.emit('products.uploadChanged', record);
    return record;
  }
}
