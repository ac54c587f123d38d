import { apiErrorFromZod } from '../../../shared/contract/errors';
import { availableUpdateSchema, type AvailableUpdate, type UpdateStatus } from '../../../shared/contract/app';
import type { Approval } from '../../../shared/contract/approvals';
import type { UpgradePlan } from '../../../shared/contract/guardian';
import type { LaunchStage } from '../../../shared/stage';
import { defineApprovalSubject, type ApprovalService, type SubjectOutcome } from '../approvals';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import type { AppUpdater } from './app-updater';
import { installRequest } from './install-approval';

/** What installing updates needs of the approval system. */
export type UpdateApprovalPort = Pick<ApprovalService, 'request' | 'registerSubject' | 'audit' | 'pendingFor' | 'list' | 'cancel'>;

export interface UpdateDeps {
  approvals: UpdateApprovalPort;
  events: EventBus;
  clock: Clock;
  log: Logger;
  stage: () => LaunchStage;
  /** What installing this version means (guardian.upgradePlan): backup first, migrations, risks, blockers. */
  plan: (update: AvailableUpdate) => UpgradePlan;
  /**
   * Backs up before installing: what it will do (the request's preview), and doing it (what was
   * taken, or plainly that nothing was); a throw stops the install. Absent: no backup service.
   */
  backup?: { describe(): string; run(): Promise<string> };
}

const noUpdater =
  'this process has no app updater: only the packaged desktop app installs updates (levqor serve, the CLI and development builds cannot)';

/**
 * App updates as a Class B action (docs/architecture.md). The desktop app's updater only checks:
 * a newer version is announced (`app.updateAvailable`), and installing it always asks the
 * founder (subject `app.update`, the upgrade plan as its preview). Approving runs the plan:
 * the backup first, then the download, then quit-and-install, once the outcome is stored.
 */
export class UpdateService {
  private updater: AppUpdater | undefined;
  private found: AvailableUpdate | undefined;
  /** The approval whose update is downloaded here: the app quits to install it once its outcome is stored. */
  private readyFor: string | undefined;

  constructor(private readonly d: UpdateDeps) {
    d.approvals.registerSubject(
      defineApprovalSubject({ kind: 'app.update', decided: (a) => this.decided(a), recorded: (a) => this.recorded(a) }),
    );
  }

  /** The desktop app hands in its updater (electron-updater behind the port). */
  attachUpdater(updater: AppUpdater): void {
    this.updater = updater;
  }

  /** The updater found a newer version: remember it, withdraw a request about another version, announce it. */
  available(update: AvailableUpdate): AvailableUpdate {
    const parsed = availableUpdateSchema.safeParse(update);
    if (!parsed.success) {
      const e = apiErrorFromZod(parsed.error);
      throw new CoreError(e.code, e.message, e.field);
    }
    const found = parsed.data;
    this.found = found;
    for (const a of this.d.approvals.list({ status: 'pending', kind: 'app.update', limit: 100 })) {
      if (a.subject.ref !== found.version) this.d.approvals.cancel(a.id, `superseded: ${found.version} is the update available now`);
    }
    this.d.log.info({ version: found.version }, 'app update available');
    this.d.events.emit('app.updateAvailable', found);
    return found;
  }

  status(): UpdateStatus {
    const found = this.found ?? null;
    return {
      canInstall: this.updater !== undefined,
      available: found,
      pendingApprovalId: found ? (this.d.approvals.pendingFor('app.update', found.version)?.id ?? null) : null,
    };
  }

  /** Asks the founder to install the available update (an existing pending request is returned instead). */
  requestInstall(): Approval {
    if (!this.updater) throw new CoreError('UNAVAILABLE', `app.installUpdate: ${noUpdater}`);
    const found = this.found;
    if (!found) throw new CoreError('NOT_FOUND', 'app.installUpdate: no update is available (the desktop app looks for one at start while updates.autoCheck is on)');
    const plan = this.d.plan(found);
    if (plan.blockers.length > 0) throw new CoreError('CONFLICT', `app.installUpdate: ${found.version} cannot be installed: ${plan.blockers.join('; ')}`);
    return this.d.approvals.request(installRequest(found, plan, this.d.stage(), this.d.backup?.describe() ?? 'Back up first: there is no backup service yet, so no backup will be taken'));
  }

  /** The founder decided (or the request expired): run the plan up to the download, or leave everything as it is. */
  private async decided(a: Approval): Promise<SubjectOutcome> {
    const audit = (mode: 'real' | 'blocked', decision: 'approved' | 'rejected' | 'expired', detail: string) =>
      this.d.approvals.audit({ at: this.d.clock.now(), subject: { kind: 'app.update', ref: a.subject.ref }, stepType: a.stepType, class: a.class, stage: this.d.stage(), mode, decision, approvalId: a.id, attempt: 1, detail });
    if (a.status !== 'approved') {
      audit('blocked', a.status === 'expired' ? 'expired' : 'rejected', `not installed: approval ${a.status}`);
      return { ok: true, result: 'none', message: `not installed: the approval was ${a.status}` };
    }
    const version = a.subject.ref;
    const updater = this.updater;
    if (!updater) return { ok: false, message: `nothing installed: ${noUpdater}; ask again from the desktop app` };
    if (this.found?.version !== version) {
      return { ok: false, message: `nothing installed: ${version} is not the update this app found${this.found ? ` (${this.found.version} is)` : ''}` };
    }
    // the side-effect audit row is written before anything happens
    audit('real', 'approved', `install ${version}`);
    let backup: string;
    try {
      backup = this.d.backup ? await this.d.backup.run() : 'no backup service yet: none taken';
    } catch (err) {
      return { ok: false, message: `backup failed: ${describe(err)}; nothing installed` };
    }
    try {
      await updater.download();
    } catch (err) {
      this.d.log.warn({ version, err: describe(err) }, 'app update download failed');
      return { ok: false, message: `${backup}; the download of ${version} failed: ${describe(err)}; nothing installed` };
    }
    this.readyFor = a.id;
    return { ok: true, message: `${backup}; ${version} downloaded; the app quits now to install it` };
  }

  /** The outcome is stored: now the app may quit to install. */
  private recorded(a: Approval): void {
    if (this.readyFor !== a.id) return;
    this.readyFor = undefined;
    this.d.log.info({ version: a.subject.ref, approval: a.id }, 'quitting to install the app update');
    try {
      this.updater?.quitAndInstall();
    } catch (err) {
      this.d.log.warn({ version: a.subject.ref, err: describe(err) }, 'could not quit to install the app update');
    }
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
