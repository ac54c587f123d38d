import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { UploadPlan, UploadRecord } from '../../../shared/contract/products';
import type { Approval } from '../../../shared/contract/approvals';
import type { StageUpload } from '../../../shared/contract/stage';
import { defineApprovalSubject, type SubjectOutcome } from '../approvals';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import { backoffDelay, type RetryPolicy } from '../retry';
import type { SecretStore } from '../secrets';
import type { SettingsService } from '../settings';
import type { StageService } from '../stage';
import { authFromCredentials } from './drive/credentials';
import { DriveError } from './drive/drive-error';
import { downloadUrlFor, shareWithAnyone, uploadFile } from './drive/drive-uploader';
import { listTargetFolder } from './drive/folder-check';
import type { DriveTarget, UploadTuning } from './drive/upload-job';
import { decidedBy, uploadApprovalRequest, type ApprovalPort } from './upload-approval';
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
/** Backoff after the n-th failed try: 30 s, 1 min, 2 min … capped at one hour; the queue never gives up. */
const queueRetry: RetryPolicy = { maxAttempts: Number.POSITIVE_INFINITY, backoff: 'exponential', initialMs: 30_000, maxMs: 60 * 60_000, jitter: false };
/** How long a claimed upload is ours before another process may take it over (a crash). */
const leaseMs = 15 * 60_000;

/**
 * The Drive upload of compiled archives: Class B (docs/architecture.md). In pre-launch it records
 * a dry run (`needs-approval`, with the plan of what it would do) and asks for an approval
 * through the one approval system (`approvals.*`): approved, the row is `queued` and sent now
 * (and retried); rejected or timed out, it is `rejected` and nothing is sent. In post-launch
 * it uploads without asking, and whatever keeps it from Drive (no network, no credentials,
 * Drive busy) leaves it `queued`, retried with backoff until Drive answers.
 */
export class UploadService {
  private readonly active = new Map<string, AbortController>();
  private approvals: ApprovalPort | undefined;

  constructor(private readonly deps: UploadDeps) {}

  /** createCore wires the approval system in: pre-launch uploads ask it, and its decisions come back here. */
  connectApprovals(approvals: ApprovalPort): void {
    this.approvals = approvals;
    approvals.registerSubject(defineApprovalSubject({ kind: 'product.upload', decided: (a) => this.decided(a) }));
  }

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
      upload = this.release(upload);
    }
    if (upload.status === 'needs-approval') upload = this.askApproval(upload);
    for (const old of store.supersedeOthers(archive.slug, upload.id, now)) {
      if (old.approvalId) this.approvals?.cancel(old.approvalId, `superseded by a newer build of ${archive.slug} (sha256 ${archive.sha256.slice(0, 12)})`);
    }
    this.changed(upload);
    if (upload.status !== 'queued' && upload.status !== 'uploading') return publicUpload(upload);
    return this.attempt(upload.id, options);
  }

  /** One try at one upload; never throws for Drive trouble (the row says what happened). */
  async attempt(id: string, options: AttemptOptions = {}): Promise<UploadRecord> {
    const { store, clock, stage } = this.deps;
    let upload = store.get(id);
    if (!upload) throw new CoreError('NOT_FOUND', `no upload ${id}`);
    const approval = this.approvalOf(upload);
    const approved = approval?.status === 'approved';
    if (stage.current === 'pre-launch' && !approved) {
      // Class B in pre-launch: a dry run unless approved
      if (upload.status === 'needs-approval') return publicUpload(upload);
      if (upload.status !== 'queued' && upload.status !== 'uploading') return publicUpload(upload);
      return this.changed(this.askApproval(store.update(id, { status: 'needs-approval', nextAttemptAt: null }, clock.now())));
    }
    if (this.active.has(id) || !store.claim(id, clock.now(), leaseMs)) return publicUpload(upload);
    // the side-effect audit row is written before the upload happens
    this.approvals?.audit({
      at: clock.now(),
      subject: { kind: 'product.upload', ref: id },
      stepType: 'drive.upload',
      class: 'B',
      stage: stage.current,
      mode: 'real',
      decision: approved ? 'approved' : 'not-required',
      approvalId: approved ? approval.id : null,
      attempt: upload.attempts + 1,
      detail: `upload ${upload.plan.fileName} (${upload.bytes} bytes) to Drive${upload.plan.folderId ? ` folder ${upload.plan.folderId}` : ''}`,
    });
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
        this.changed(store.update(id, { status: 'queued', nextAttemptAt: clock.now() + backoffDelay(queueRetry, 1), lastError: 'cancelled' }, clock.now()));
        throw new CoreError('CANCELLED', `the upload of ${upload.slug} was cancelled; it is queued again`);
      }
      return this.changed(this.failed(upload, err));
    } finally {
      this.active.delete(id);
    }
  }

  /**
   * Post-launch, Class B runs without approval: every upload still waiting for one has its
   * approval cancelled (with the reason) and is queued. Called on the switch and by the queue.
   */
  releaseForPostLaunch(): UploadRecord[] {
    if (this.deps.stage.current !== 'post-launch') return [];
    return this.deps.store.needingApproval().map((u) => this.changed(this.release(u)));
  }

  /** The uploads waiting for a pre-launch approval: what going post-launch would send without one. */
  waitingForApproval(): StageUpload[] {
    return this.deps.store.needingApproval().map((u) => ({ id: u.id, slug: u.slug, version: u.version, fileName: u.plan.fileName, bytes: u.bytes }));
  }

  /** Every due upload (or every waiting one, `now`), one after another. */
  async processDue(options: { ignoreBackoff?: boolean } = {}): Promise<{ attempted: number; uploaded: number }> {
    this.releaseForPostLaunch();
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

  private approvalOf(upload: StoredUpload): Approval | undefined {
    if (!upload.approvalId || !this.approvals) return undefined;
    try {
      return this.approvals.get(upload.approvalId);
    } catch {
      return undefined;
    }
  }

  /** A pre-launch upload waits for a pending approval: its own if it has one, a new one otherwise (with the dry run audited). */
  private askApproval(upload: StoredUpload): StoredUpload {
    const approvals = this.approvals;
    if (!approvals) return upload;
    const current = this.approvalOf(upload);
    if (current?.status === 'pending') return upload;
    const a = approvals.request(uploadApprovalRequest(upload));
    const now = this.deps.clock.now();
    approvals.audit({
      at: now,
      subject: { kind: 'product.upload', ref: upload.id },
      stepType: 'drive.upload',
      class: 'B',
      stage: 'pre-launch',
      mode: 'dry-run',
      decision: 'pre-launch',
      approvalId: a.id,
      attempt: upload.attempts + 1,
      detail: JSON.stringify(upload.plan),
    });
    return this.deps.store.update(upload.id, { approvalId: a.id }, now);
  }

  /** Post-launch: no approval needed any more; the pending one is withdrawn with the reason, the upload queued. */
  private release(upload: StoredUpload): StoredUpload {
    const now = this.deps.clock.now();
    if (upload.approvalId) this.approvals?.cancel(upload.approvalId, 'the launch stage is post-launch: Class B uploads run without approval; the upload is queued');
    return this.deps.store.update(upload.id, { status: 'queued', nextAttemptAt: now }, now);
  }

  /** The founder decided on an upload's approval (or it timed out): send it now, or mark it rejected. */
  private async decided(a: Approval): Promise<SubjectOutcome> {
    const { store, clock } = this.deps;
    const upload = store.get(a.subject.ref);
    if (!upload) return { ok: false, message: `the upload ${a.subject.ref} no longer exists` };
    if (upload.status !== 'needs-approval' || upload.approvalId !== a.id) {
      return { ok: false, message: `nothing done: the upload is ${upload.status}${upload.approvalId !== a.id ? ' under another approval' : ''}` };
    }
    const now = clock.now();
    if (a.status !== 'approved') {
      const why = `approval ${a.status}${decidedBy(a)}`;
      this.approvals?.audit({ at: now, subject: { kind: 'product.upload', ref: upload.id }, stepType: 'drive.upload', class: 'B', stage: this.deps.stage.current, mode: 'blocked', decision: a.status === 'expired' ? 'expired' : 'rejected', approvalId: a.id, attempt: upload.attempts + 1, detail: why });
      this.changed(store.update(upload.id, { status: 'rejected', nextAttemptAt: null, lastError: why }, now));
      return { ok: true, result: 'none', message: `nothing was sent to Drive: ${why}` };
    }
    store.update(upload.id, { status: 'queued', nextAttemptAt: now }, now);
    const result = await this.attempt(upload.id);
    if (result.status === 'done') return { ok: true, message: `uploaded to Drive: ${result.driveDownloadUrl ?? result.driveFileId ?? ''}` };
    if (result.status === 'queued') return { ok: true, result: 'warn', message: `queued: ${result.lastError ?? 'waiting'}; retried with backoff` };
    return { ok: false, message: `${result.status}${result.lastError ? `: ${result.lastError}` : ''}` };
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
    const { store, clock } = this.deps;
    if (!existsSync(upload.zipPath) || statSync(upload.zipPath).size !== upload.bytes) {
      throw new DriveError('rejected', `${upload.zipPath} is gone or has changed since it was compiled; compile again`);
    }
    const target = this.target(upload.plan.folderId);
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

  /** The secret google.driveCredentials' "Test": list the folder uploads go to, as an upload reaches it. */
  testAccess(signal: AbortSignal): Promise<string> {
    return listTargetFolder(this.target(this.deps.settings.get('drive.folderId') || undefined), signal);
  }

  /** Where an upload goes, with the credentials of the moment (a new secret applies to the next try). */
  private target(folderId: string | undefined): DriveTarget {
    const credentials = this.deps.secrets.reveal('google.driveCredentials');
    if (!credentials) throw new DriveError('credentials', 'no Google Drive credentials: set the secret google.driveCredentials');
    return { client: authFromCredentials(credentials), rootUrl: this.deps.settings.get('drive.rootUrl'), ...(folderId ? { folderId } : {}) };
  }

  private failed(upload: StoredUpload, err: unknown): StoredUpload {
    const { store, clock, log } = this.deps;
    const now = clock.now();
    const attempts = upload.attempts + 1;
    const message = err instanceof Error ? err.message : String(err);
    const final = err instanceof DriveError && err.kind === 'rejected';
    log.warn({ slug: upload.slug, attempts, kind: err instanceof DriveError ? err.kind : 'error' }, 'product upload did not go through');
    if (final) return store.update(upload.id, { status: 'failed', attempts, nextAttemptAt: null, lastError: message }, now);
    return store.update(upload.id, { status: 'queued', attempts, nextAttemptAt: now + backoffDelay(queueRetry, attempts), lastError: message }, now);
  }

  private changed(upload: StoredUpload): UploadRecord {
    const record = publicUpload(upload);
    this.deps.events.emit('products.uploadChanged', record);
    return record;
  }
}
