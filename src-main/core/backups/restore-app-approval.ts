import type { Approval } from '../../../shared/contract/approvals';
import type { BackupOperation, BackupSnapshot } from '../../../shared/contract/backup';
import type { LaunchStage } from '../../../shared/stage';
import { defineApprovalSubject, type ApprovalService, type SubjectAuditEntry, type SubjectOutcome } from '../approvals';
import type { Clock } from '../clock';
import type { DataHolder } from '../data-holder';
import { badInput } from '../errors';
import type { Logger } from '../logger';
import type { StoredPlan } from './plan-store';
import { preRestoreTag, type CoreRestart } from './restore-app';

/** What the restore subject needs of the approval system (createCore hands it the ApprovalService). */
export type AppRestoreApprovalPort = Pick<ApprovalService, 'request' | 'audit' | 'registerSubject'>;

/** A restore of the app's data nobody decides on within a day is rejected: nothing changes. */
export const appRestoreApprovalTimeoutMs = 24 * 3_600_000;

export const appRestoreKind = 'backup.restoreApp';

/** A restore made ready up to its swap: the restored database staged, the live data backed up. */
export interface PreparedAppRestore {
  snapshot: BackupSnapshot;
  preRestore: BackupOperation;
  schema: { from: number; to: number };
  /** Swaps the staged database in through the holder's restart, the approval's rows (if any) carried over. */
  commit(approvalId: string | null): Promise<void>;
}

export interface AppRestoreApprovalDeps {
  clock: Clock;
  log: Logger;
  stage: () => LaunchStage;
  /** This build's schema version (what the restored data is migrated to). */
  schemaVersion: () => number;
  /** This process's holder of the core, if it has one that can restart it. */
  holder: () => CoreRestart | undefined;
  /** Another live process that has this data open (levqor serve, the desktop app). */
  heldElsewhere: () => DataHolder | undefined;
  plan(nameOrId: string): StoredPlan;
  snapshot(plan: StoredPlan, id: string): Promise<{ snapshot: BackupSnapshot; bytes: number | null }>;
  /** Verify, stage, migrate, stop background work, back up the live data (backup-service.ts). */
  prepare(plan: StoredPlan, snapshot: string, holder: CoreRestart): Promise<PreparedAppRestore>;
}

/**
 * Restoring the app's own data as a Class C action (subject `backup.restoreApp`, ref
 * `<plan id>/<snapshot id>`): asking changes nothing; approving verifies and stages the
 * snapshot's database and keeps the live data as a levqor-pre-restore snapshot (`decided`), and
 * once that outcome is stored, swaps the database in and restarts the core (`recorded`). Only the
 * process that holds the data may approve it (`refusesApproval`).
 */
export class AppRestoreApproval {
  private approvals: AppRestoreApprovalPort | undefined;
  /** Approvals whose restore is staged and waits for its swap (recorded). */
  private readonly ready = new Map<string, PreparedAppRestore>();

  constructor(private readonly d: AppRestoreApprovalDeps) {}

  connectApprovals(approvals: AppRestoreApprovalPort): void {
    this.approvals = approvals;
    approvals.registerSubject(
      defineApprovalSubject({
        kind: appRestoreKind,
        decided: (a) => this.decided(a),
        recorded: (a) => this.recorded(a),
        refusesApproval: () => this.refusal(),
      }),
    );
  }

  /** Asks the founder (Class C) to restore the app's data from a snapshot of the plan; nothing changes until approved. */
  async request(name: string, snapshotId: string): Promise<Approval> {
    const plan = this.d.plan(name);
    if (!plan.sources.some((s) => s.kind === 'app')) throw badInput('plan', `the plan ${plan.name} does not back up the app\u2019s data (it has no app source)`);
    if (!this.approvals) throw new Error('the restore approval subject is not connected');
    const { snapshot, bytes } = await this.d.snapshot(plan, snapshotId);
    const when = new Date(snapshot.time).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
    const to = this.d.schemaVersion();
    return this.approvals.request({
      subject: { kind: appRestoreKind, ref: `${plan.id}/${snapshot.id}`, title: `Restore the app\u2019s data from snapshot ${snapshot.shortId} of ${plan.name}` },
      action: appRestoreKind,
      class: 'C',
      stage: this.d.stage(),
      message: `Replace the app\u2019s data with snapshot ${snapshot.shortId} of ${plan.name} (${when}); the data that is live now is backed up first as its own snapshot (tag ${preRestoreTag}), then the app restarts on the restored data`,
      preview: {
        plan: plan.name,
        snapshot: { id: snapshot.id, shortId: snapshot.shortId, time: snapshot.time, hostname: snapshot.hostname, bytes },
        schema: { from: null, to },
        willDo: [
          `Restore the database of ${snapshot.shortId} beside the live one; restic reads every byte back (--verify)`,
          `Check it with SQLite\u2019s integrity_check and bring it to this build\u2019s schema (${to})`,
          'Stop background work (schedules, workflows, sync)',
          `Back up the data that is live now with ${plan.name}, tagged ${preRestoreTag} (retention never removes it)`,
          'Swap the restored database in and restart the app\u2019s core; work done since the snapshot is only in the pre-restore snapshot',
        ],
      },
      requestedBy: 'backup restore',
      timeoutMs: appRestoreApprovalTimeoutMs,
    });
  }

  /** Why this process must not approve a restore: another process has the data open, or nothing here can restart the core. */
  private refusal(): string | undefined {
    const other = this.d.heldElsewhere();
    if (other) return `the app\u2019s data is open in ${other.what} (pid ${other.pid}): approve this restore in the running app (its Approvals area), which has the data open and restarts on the restored data`;
    if (!this.d.holder()) return 'this process cannot restart the app\u2019s core around a restore: approve it in levqor serve, the desktop app, or with levqor approvals approve';
    return undefined;
  }

  private async decided(a: Approval): Promise<SubjectOutcome> {
    const [planId = '', snapshotId = ''] = a.subject.ref.split('/');
    let plan: StoredPlan;
    try {
      plan = this.d.plan(planId);
    } catch {
      return { ok: a.status !== 'approved', result: 'none', message: `nothing restored: the backup plan ${planId} no longer exists; the live data is unchanged` };
    }
    const stage = this.d.stage();
    if (a.status !== 'approved') {
      this.audit(a, { stage, mode: 'blocked', decision: a.status === 'expired' ? 'expired' : 'rejected', approvalId: a.id, detail: `approval ${a.status}` });
      return { ok: true, result: 'none', message: `nothing restored: approval ${a.status}; the live data is unchanged` };
    }
    const holder = this.d.holder();
    if (!holder) return { ok: false, message: `not restored: ${this.refusal() ?? 'nothing here can restart the core'}; the live data is unchanged` };
    this.audit(a, { stage, mode: 'real', decision: 'approved', approvalId: a.id, detail: JSON.stringify({ plan: plan.name, snapshot: snapshotId }) });
    try {
      const done = await this.d.prepare(plan, snapshotId, holder);
      this.ready.set(a.id, done);
      return {
        ok: true,
        message: `restored snapshot ${done.snapshot.shortId} of ${plan.name} (schema ${done.schema.from} \u2192 ${done.schema.to}); the data that was live is kept as snapshot ${done.preRestore.snapshotId?.slice(0, 8) ?? '?'} (tag ${preRestoreTag}); the app restarted on the restored data`,
      };
    } catch (err) {
      this.d.log.warn({ plan: plan.name, snapshot: snapshotId, err: err instanceof Error ? err.message : String(err) }, 'restore of the app data failed before the swap');
      return { ok: false, message: `not restored: ${err instanceof Error ? err.message : String(err)}; the live data is unchanged` };
    }
  }

  /** The outcome is stored: now the database is swapped in and the core restarts (which ends this core). */
  private async recorded(a: Approval): Promise<void> {
    const ready = this.ready.get(a.id);
    if (!ready) return;
    this.ready.delete(a.id);
    try {
      await ready.commit(a.id);
    } catch {
      // the swap failed: commit wrote why into the data that stayed live (the restore row and
      // this approval's outcome), and the holder reopened the core on it
    }
  }

  private audit(a: Approval, row: Pick<SubjectAuditEntry, 'stage' | 'mode' | 'decision' | 'approvalId' | 'detail'>): void {
    this.approvals?.audit({ at: this.d.clock.now(), subject: { kind: appRestoreKind, ref: a.subject.ref }, stepType: appRestoreKind, class: 'C', attempt: 1, ...row });
  }
}
