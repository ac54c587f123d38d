import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { hasRetention, planDurationText } from '../../../shared/backup';
import { displayRepository } from '../../../shared/backup-repository';
import type { AddPlanInput, UpdatePlanInput, BackupEngine, BackupOperation, BackupOperationDetail, BackupPlan, BackupSnapshot, ForgetResult, OperationKind, RestoreResult } from '../../../shared/contract/backup';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CoreError, badInput } from '../errors';
import type { EventBus } from '../event-bus';
import { uuidv7 } from '../ids';
import type { Logger } from '../logger';
import { newOwnerId, retireOwner } from '../process-owner';
import type { SecretStore } from '../secrets';
import type { SettingsService } from '../settings';
import { OperationStore, type Done } from './operation-store';
import { BackupPageView } from './page-view';
import { editedPlan, planFromInput } from './plan-input';
import { PlanStore, publicPlan, type StoredPlan } from './plan-store';
import { ResticFailure } from './restic/failure';
import { locateRestic } from './restic/locate';
import { redact } from './restic/redact';
import { Restic, type CallOptions, type RepositoryAccess } from './restic/restic';
import { minimumResticVersion } from './restic/version';
import { preRestoreTag, removeStagedRestore, stageRestoredDatabase, swapInRestoredDatabase, type AppRestoreResult, type CoreRestart } from './restore-app';
import { AppRestoreApproval, type AppRestoreApprovalPort, type PreparedAppRestore } from './restore-app-approval';
import { carryRestoreRecord, recordFailedSwap } from './restore-app-history';
import { latestSchemaVersion } from '../db/migrations';
import { liveDataHolder } from '../data-holder';
import type { Approval } from '../../../shared/contract/approvals';
import { listSnapshot, restoreFiles, restoreTarget } from './restore-files';
import { runBackup } from './run-backup';
import { removeStaleLocksOfThisHost } from './stale-locks';
import { BackupFactsReader } from './backup-facts';
import { BackupSchedules } from './schedules';
import { BackupRetention, type RetentionApprovalPort } from './retention';
import type { LaunchStage } from '../../../shared/stage';
import type { BackupPort } from '../backup-port';
import type { BackgroundTask } from '../background';
import type { RetryPolicy } from '../retry';
import { realTimer, type Timer } from '../timer';
import { forgetGroups, newestFirst, planTag, snapshotView } from './snapshot-view';

export interface BackupDeps {
  db: Db;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  log: Logger;
  events: EventBus;
  settings: SettingsService;
  secrets: SecretStore;
  /** Where the founder's products live now (the products capability decides). */
  productsDir(): string;
  /** The launch stage: pre-launch, removing snapshots asks the founder first. */
  stage: () => LaunchStage;
  /** Where scheduled work and the waits between retries are armed (tests pass a ManualTimer). */
  timer?: Timer;
  /** How a failed scheduled backup is tried again, in place of each plan's own policy (tests use short waits). */
  scheduledRetry?: RetryPolicy;
  /** How long restic may retry a repository that stopped answering before the backup fails (tests use a second or two). */
  unreachableAfterMs?: number;
  random?: () => number;
  /** Whoever holds this core and can restart it around a restore of the app's data (levqor serve, the desktop app, the CLI). */
  holder?: CoreRestart;
  /** The restic the desktop app ships (resources/restic), used when the setting is empty and PATH has none. */
  bundledRestic?: string;
}

const passwordFamily = 'backup.repositoryPassword';
const urlFamily = 'backup.repositoryUrl';

/**
 * Backups on restic: plans (what, where, when, how long to keep), and the operations on their
 * repositories, each a row in the history. Operations left running by a process that is gone
 * are marked interrupted when this service starts.
 */
export class BackupService {
  private readonly plans: PlanStore;
  private readonly operations: OperationStore;
  private readonly owner = newOwnerId();
  private readonly inFlight = new Map<string, { controller: AbortController; done: Promise<unknown> }>();
  private cached: { configured: string; restic: Restic } | undefined;
  /** What the Backups area sees and does (page-view.ts): no path of this machine either way. */
  readonly page: BackupPageView;
  /** Staleness and failed checks, as Guardian reads them. */
  readonly facts: BackupFactsReader;
  private audit: Pick<AppRestoreApprovalPort, 'audit'> | undefined;
  /** The plans' backup and check schedules (started with the background). */
  readonly schedules: BackupSchedules;
  private readonly retention: BackupRetention;
  private readonly appRestore: AppRestoreApproval;

  constructor(private readonly deps: BackupDeps) {
    this.plans = new PlanStore(deps.db);
    this.operations = new OperationStore(deps.db);
    this.page = new BackupPageView(this, { dataDir: deps.dataDir, productsDir: () => deps.productsDir(), now: () => deps.clock.now(), storedPlan: (n) => this.find(n), storedPlans: () => this.plans.list() });
    this.facts = new BackupFactsReader(deps.db, this.plans);
    this.retention = new BackupRetention({ ...deps, plan: (name) => this.find(name), forget: (plan, dryRun) => this.forgetPlan(plan, dryRun) });
    this.appRestore = new AppRestoreApproval({
      ...deps,
      schemaVersion: () => latestSchemaVersion,
      holder: () => deps.holder,
      heldElsewhere: () => liveDataHolder(deps.dataDir),
      plan: (name) => this.find(name),
      snapshot: async (plan, id) => {
        const { restic, access } = await this.access(plan);
        const snapshot = snapshotView(await this.findSnapshot(restic, access, plan, id));
        return { snapshot, bytes: this.operations.bySnapshot(snapshot)?.bytes ?? null };
      },
      prepare: (plan, snapshot, holder) => this.prepareAppRestore(plan, snapshot, holder),
    });
    this.schedules = new BackupSchedules({
      ...deps,
      timer: deps.timer ?? realTimer,
      plans: this.plans,
      facts: this.facts,
      retry: deps.scheduledRetry,
      backup: (plan) => this.run(plan, true),
      check: (plan) => this.check(plan),
      retain: async (plan) => (hasRetention(plan.retention) ? this.retention.apply(plan.id) : undefined),
    });
    const interrupted = this.operations.markInterrupted(deps.clock.now());
    for (const op of interrupted) {
      deps.log.warn({ operation: op.id, plan: op.plan, kind: op.kind }, 'backup operation interrupted');
      if (op.kind === 'backup') deps.events.emit('backup.failed', op);
    }
    // a restore of the app's data killed before its swap left its staged copy: the live data is untouched
    if (interrupted.some((op) => op.kind === 'restore') && !this.operations.anyRunning('restore')) removeStagedRestore(deps.dataDir);
  }

  /** The restic in use, or why there is none. */
  async engine(): Promise<BackupEngine> {
    try {
      const { binary } = await this.restic();
      return { found: true, path: binary.path, version: binary.version, from: binary.from, minimum: minimumResticVersion, problem: null };
    } catch (err) {
      if (!(err instanceof CoreError)) throw err;
      return { found: false, path: null, version: null, from: null, minimum: minimumResticVersion, problem: err.message };
    }
  }

  list(): BackupPlan[] {
    return this.plans.list().map((p) => this.show(p));
  }

  plan(name: string): BackupPlan {
    return this.show(this.find(name));
  }

  /**
   * A new plan. Its repository is opened with the password first (made when there is none),
   * so a wrong password, an unreachable server or a missing restic stores nothing.
   */
  async add(input: AddPlanInput): Promise<BackupPlan> {
    const now = this.deps.clock.now();
    const plan = planFromInput(input, uuidv7(now), now, Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (this.plans.byName(plan.name)) throw new CoreError('CONFLICT', `name: there is already a backup plan called ${plan.name}`, 'name');
    const restic = await this.restic();
    const access = { repository: plan.repository, password: input.password };
    const state = await restic.probe(access);
    const init = state === 'missing' ? await restic.init(access) : undefined;
    const shown = displayRepository(plan.repository);
    this.deps.db.transaction(() => {
      // a URL's own password is a secret too: the row keeps the URL with *** in its place
      this.plans.insert({ ...plan, repository: shown });
      if (shown !== plan.repository) this.deps.secrets.setFor(urlFamily, plan.id, plan.repository);
      this.deps.secrets.setFor(passwordFamily, plan.id, input.password);
      if (init) {
        const op = this.operations.start(plan, 'init', this.owner, restic.version, now);
        this.operations.finish(op.id, { status: 'succeeded', log: init.log }, this.deps.clock.now());
      }
    })();
    this.deps.log.info({ plan: plan.name, initialised: Boolean(init) }, 'backup plan added');
    this.schedules.refresh();
    return this.show({ ...plan, repository: shown });
  }

  /**
   * Changes a plan by the rules of a new one (plan-input.ts): a field left out stays, null takes
   * it away. The repository and its password stay as they are. The schedules are planned again
   * at once; a changed schedule or timezone starts its progress again (nothing before now was missed).
   */
  update(input: UpdatePlanInput): BackupPlan {
    const plan = this.find(input.plan);
    const edited = editedPlan(plan, input, this.deps.clock.now());
    this.plans.update(edited);
    this.deps.log.info({ plan: plan.name }, 'backup plan changed');
    if (edited.scheduleCron !== plan.scheduleCron || edited.checkCron !== plan.checkCron || edited.timezone !== plan.timezone) this.schedules.reset(plan.id);
    else this.schedules.refresh();
    return this.show(edited);
  }

  /** Removes the plan and its password; the repository is left as it is and the history stays. */
  remove(name: string): BackupPlan {
    const plan = this.find(name);
    const shown = this.show(plan);
    this.deps.db.transaction(() => {
      this.plans.remove(plan.id);
      this.deps.secrets.clearFor(passwordFamily, plan.id);
      this.deps.secrets.clearFor(urlFamily, plan.id);
    })();
    this.schedules.reset(plan.id);
    return shown;
  }

  async initRepo(name: string): Promise<BackupOperation> {
    const plan = this.find(name);
    const { operation } = await this.operate(plan, 'init', async (restic, access, control) => {
      if ((await restic.probe(access, control)) === 'ready') throw new CoreError('CONFLICT', `there is already a restic repository at ${this.show(plan).repo}`);
      return restic.init(access, control);
    });
    return operation;
  }

  async repoStatus(name: string) {
    const plan = this.find(name);
    const { restic, access } = await this.access(plan);
    const shown = this.show(plan);
    if ((await restic.probe(access)) === 'missing') return { plan: plan.name, repo: shown.repo, state: 'missing' as const, snapshots: null, restoreSize: null, storedSize: null };
    const [snapshots, restore, stored] = await Promise.all([restic.snapshots(access, { tags: [planTag(plan.name)] }), restic.stats(access), restic.stats(access, { mode: 'raw-data' })]);
    return { plan: plan.name, repo: shown.repo, state: 'ready' as const, snapshots: snapshots.value.length, restoreSize: restore.value.total_size, storedSize: stored.value.total_size };
  }

  /** Backs the plan up; with wait, resolves when it has finished (a failed backup is a row with its error, not a throw). */
  async run(name: string, wait: boolean): Promise<BackupOperation> {
    const plan = this.find(name);
    const running = this.operations.runningFor(plan.id, 'backup', this.deps.clock.now());
    if (running) throw new CoreError('CONFLICT', `a backup of ${plan.name} is already running (operation ${running.id})`);
    const { restic, access } = await this.access(plan);
    const started = this.begin(plan, 'backup', restic, access, (control, op) => runBackup({ ...this.deps, restic, access, plan, operation: op, control, tag: planTag(plan.name) }));
    if (!wait) {
      started.done.catch(() => {}); // recorded in the row; nobody waits for it here
      return started.operation;
    }
    return started.done.then(
      ({ operation }) => operation,
      (err: unknown) => (err instanceof OperationFailed ? err.operation : Promise.reject(err)),
    );
  }

  /** Stops an operation this process is running (restic gets SIGINT, so it removes its lock). */
  async cancel(id: string): Promise<BackupOperation> {
    const op = this.operations.get(id);
    if (!op) throw new CoreError('NOT_FOUND', `id: there is no backup operation ${id}`, 'id');
    const flight = this.inFlight.get(id);
    if (!flight) throw new CoreError('CONFLICT', op.status === 'running' ? `operation ${id} is run by another process; cancel it there` : `operation ${id} has already ${op.status === 'succeeded' ? 'succeeded' : `ended (${op.status})`}`);
    flight.controller.abort();
    await flight.done.catch(() => {});
    return this.operations.get(id)!;
  }

  async snapshots(name: string): Promise<BackupSnapshot[]> {
    const plan = this.find(name);
    const { restic, access } = await this.access(plan);
    return newestFirst((await restic.snapshots(access, { tags: [planTag(plan.name)] })).value);
  }

  /** A snapshot of the plan and its entries (restore-files.ts). */
  async ls(name: string, snapshot: string, path?: string, pathField?: string) {
    const plan = this.find(name);
    const { restic, access } = await this.access(plan);
    return listSnapshot(restic, access, planTag(plan.name), snapshot, path, pathField);
  }

  /**
   * Restores a snapshot (or one path of it) into a new or empty folder away from live data;
   * the target and the snapshot are checked before the operation starts, so bad input leaves no row.
   */
  async restore(name: string, input: { snapshot: string; target: string; include?: string | undefined }): Promise<RestoreResult> {
    const plan = this.find(name);
    const folders = [this.deps.productsDir(), ...this.plans.list().flatMap((p) => p.sources.flatMap((s) => (s.kind === 'folder' ? [s.path] : [])))];
    const target = restoreTarget(input.target, { dataDir: this.deps.dataDir, folders });
    const { snapshot } = await this.ls(name, input.snapshot, input.include ?? '/', 'include');
    this.auditRestore(plan, snapshot.shortId, target);
    const { operation, value } = await this.operate(plan, 'restore', (restic, access, control) => restoreFiles(restic, access, control, { snapshotId: snapshot.shortId, target, include: input.include }));
    return { operation, target, ...value };
  }

  /**
   * The plan's retention policy through restic forget: a dry run changes nothing and is not a
   * history row; a real one (retention.ts: pre-launch only once approved) prunes and is.
   */
  async forget(name: string, dryRun: boolean): Promise<ForgetResult> {
    return dryRun ? this.forgetPlan(this.find(name), true) : this.retention.apply(name);
  }

  /** Applies the plan's retention: at once post-launch; pre-launch the dry run and the Class B request it waits for. */
  applyRetention(name: string): Promise<ForgetResult> {
    return this.retention.apply(name);
  }

  /** Registers the backup.forget and backup.restoreApp approval subjects (createCore, with the one ApprovalService). */
  connectApprovals(approvals: RetentionApprovalPort & AppRestoreApprovalPort): void {
    this.audit = approvals;
    this.retention.connectApprovals(approvals);
    this.appRestore.connectApprovals(approvals);
  }

  /** A restore of files is written to the audit log before it overwrites anything (docs/governance.md). */
  private auditRestore(plan: StoredPlan, snapshot: string, target: string): void {
    this.audit?.audit({
      at: this.deps.clock.now(),
      subject: { kind: 'backup.restore', ref: plan.id },
      stepType: 'backup.restore',
      class: 'A',
      stage: this.deps.stage(),
      mode: 'real',
      decision: 'not-required',
      approvalId: null,
      attempt: 1,
      detail: JSON.stringify({ plan: plan.name, snapshot, target }),
    });
  }

  private async forgetPlan(plan: StoredPlan, dryRun: boolean): Promise<ForgetResult> {
    if (!hasRetention(plan.retention)) throw badInput('retention', `the plan ${plan.name} keeps every snapshot (it has no --keep-… policy), so there is nothing to forget`);
    // the live data kept before a restore is never the policy's to remove
    const call = { policy: { ...plan.retention, keepTags: [...(plan.retention.keepTags ?? []), preRestoreTag] }, tags: [planTag(plan.name)] };
    if (dryRun) {
      const { restic, access } = await this.access(plan);
      return { dryRun, groups: forgetGroups((await restic.forget(access, { ...call, dryRun: true })).value), operation: null };
    }
    const { operation, value } = await this.operate(plan, 'forget', async (restic, access, control) => {
      const done = await restic.forget(access, { ...call, dryRun: false, prune: true, ...control });
      const removed = done.value.reduce((n, g) => n + (g.remove?.length ?? 0), 0);
      return { value: done.value, log: done.log, end: { files: removed } };
    });
    return { dryRun, groups: forgetGroups(value), operation };
  }

  /**
   * restic check (with the plan's --read-data-subset); damage found is a failed row with
   * restic's report, not a throw. A check still going after the plan's check timeout (a
   * damaged or unanswering repository can hang it) is stopped and ends failed, saying so.
   */
  async check(name: string): Promise<BackupOperationDetail> {
    const plan = this.find(name);
    const subset = plan.checkReadDataSubset;
    const { operation } = await this.operate(plan, 'check', async (restic, access, control) => {
      const { value, log } = await restic.check(access, { ...control, timeoutMs: plan.runPolicy.checkTimeoutMs, ...(subset ? { readDataSubset: subset } : {}) }).catch((err: unknown) => Promise.reject(checkTimedOut(err, plan)));
      return { value, log: value.report || log, end: value.ok ? {} : { status: 'failed', error: 'restic check found problems in the repository (its report is in the log)' } };
    });
    return this.operation(operation.id);
  }

  /**
   * The app's own data back from a snapshot of a plan with the app source, at once (the
   * approval's way is requestAppRestore): prepared, then committed through the holder's restart.
   */
  async restoreApp(name: string, snapshotId: string, holder: CoreRestart): Promise<AppRestoreResult> {
    const prepared = await this.prepareAppRestore(this.find(name), snapshotId, holder);
    await prepared.commit(null);
    return { snapshot: prepared.snapshot.id, preRestore: prepared.preRestore, schema: prepared.schema, log: prepared.log };
  }

  /** Asks the founder (Class C, subject backup.restoreApp) to restore the app's data from a snapshot of the plan. */
  requestAppRestore(name: string, snapshotId: string): Promise<Approval> {
    return this.appRestore.request(name, snapshotId);
  }

  /**
   * Up to the swap (restore-app.ts), as a `restore` row of the history: the snapshot's database
   * restored beside the live one (verified, integrity-checked, migrated); then background work
   * stopped and the live data backed up as its own snapshot (tag levqor-pre-restore, never
   * forgotten by retention, its own row). A failure leaves the live data as it was, the row
   * failed and background work running again. `commit` restarts the core around the swap.
   */
  private async prepareAppRestore(plan: StoredPlan, snapshotId: string, holder: CoreRestart): Promise<PreparedAppRestore & { log: string }> {
    if (!plan.sources.some((s) => s.kind === 'app')) throw badInput('plan', `the plan ${plan.name} does not back up the app\u2019s data (it has no app source)`);
    const { restic, access } = await this.access(plan);
    const snapshot = await this.findSnapshot(restic, access, plan, snapshotId);
    const { clock, dataDir } = this.deps;
    const operation = this.operations.start(plan, 'restore', this.owner, restic.version, clock.now());
    const control: Control = { signal: new AbortController().signal, onSpawn: (pid) => this.operations.setChildPid(operation.id, pid) };
    let staged: { file: string; schema: { from: number; to: number }; log: string } | undefined;
    let stopped = false;
    try {
      const unlocked = this.operations.followsInterruption(plan.id, operation.id) ? await removeStaleLocksOfThisHost(restic, access, control, clock.now()) : undefined;
      staged = await stageRestoredDatabase({ restic, access, control, dataDir, snapshot });
      holder.stopBackground();
      stopped = true;
      const run = this.begin(plan, 'backup', restic, access, (c, op) => runBackup({ ...this.deps, restic, access, plan, operation: op, control: c, tag: planTag(plan.name), extraTags: [preRestoreTag] }));
      const preRestore = (await run.done.catch((err: unknown) => Promise.reject(err instanceof OperationFailed ? err.cause : err))).operation;
      const log = [unlocked && `stale locks (the operation before was interrupted):\n${unlocked}`, staged.log, `the live data kept as snapshot ${preRestore.snapshotId ?? '?'} (operation ${preRestore.id})`].filter(Boolean).join('\n');
      const file = staged.file;
      const shown = snapshotView(snapshot);
      return {
        snapshot: shown,
        preRestore,
        schema: staged.schema,
        log,
        commit: (approvalId) => this.commitAppRestore({ plan, file, snapshot: shown, operation: operation.id, preRestore, log, approvalId }, holder),
      };
    } catch (err) {
      if (staged) rmSync(staged.file, { force: true });
      const error = err instanceof Error ? err : new Error(String(err));
      this.operations.finish(operation.id, { status: 'failed', error: `${error.message}; the live data is unchanged`, log: typeof (err as { log?: unknown }).log === 'string' ? (err as { log: string }).log : '' }, clock.now());
      if (stopped) holder.resumeBackground();
      throw err;
    }
  }

  /** The swap, with this core closed by the holder: the restore's rows carried into the restored data first (restore-app-history.ts). */
  private async commitAppRestore(r: { plan: StoredPlan; file: string; snapshot: BackupSnapshot; operation: string; preRestore: BackupOperation; log: string; approvalId: string | null }, holder: CoreRestart): Promise<void> {
    const { dataDir, clock, log } = this.deps;
    const live = join(dataDir, 'levqor.db');
    const record = { approvalId: r.approvalId, restoreOperation: r.operation };
    log.warn({ plan: r.plan.name, snapshot: r.snapshot.shortId, preRestore: r.preRestore.snapshotId }, 'restoring the app data: the core restarts');
    await holder.restart(() => {
      try {
        carryRestoreRecord(r.file, live, record, { status: 'succeeded', snapshotId: r.snapshot.shortId, error: null, log: r.log, at: clock.now() });
        swapInRestoredDatabase(dataDir, r.file);
      } catch (err) {
        rmSync(r.file, { force: true });
        const why = `the restored database could not be swapped in (${err instanceof Error ? err.message : String(err)}); the live data is unchanged`;
        recordFailedSwap(live, record, { status: 'failed', snapshotId: null, error: why, log: r.log, at: clock.now() });
        throw err;
      }
    });
  }

  private async findSnapshot(restic: Restic, access: RepositoryAccess, plan: StoredPlan, id: string) {
    const snapshot = (await restic.snapshots(access, { tags: [planTag(plan.name)] })).value.find((s) => s.id === id || s.short_id === id);
    if (!snapshot) throw new CoreError('NOT_FOUND', `snapshot: the plan ${plan.name} has no snapshot ${id}`, 'snapshot');
    return snapshot;
  }

  history(plan: string | undefined, limit: number): BackupOperation[] {
    return this.operations.list({ planName: plan, limit });
  }

  operation(id: string): BackupOperationDetail {
    const found = this.operations.detail(id);
    if (!found) throw new CoreError('NOT_FOUND', `id: there is no backup operation ${id}`, 'id');
    return found;
  }

  /**
   * For core.close(), before the database closes: what this process runs ends `cancelled` now,
   * and restic is asked to stop (SIGINT: it removes its lock even once this process is gone).
   */
  close(): void {
    const now = this.deps.clock.now();
    for (const [id, flight] of this.inFlight) {
      this.operations.finish(id, { status: 'cancelled', error: 'the app closed while it ran', log: '' }, now);
      flight.done.catch(() => {}); // its own end can no longer be written
      flight.controller.abort();
    }
    retireOwner(this.owner);
  }

  private show(plan: StoredPlan): BackupPlan {
    return publicPlan(plan, this.deps.secrets.hasFor(passwordFamily, plan.id));
  }

  /** What other capabilities use of backups (createCore hands it to Guardian and the workflow steps). */
  port(): BackupPort {
    return {
      run: (plan, wait) => this.run(plan, wait),
      check: (plan) => this.check(plan),
      planCount: () => this.facts.planCount(),
      stalePlans: (now) => this.facts.stalePlans(now),
      failedChecks: () => this.facts.failedChecks(),
      lastSuccessAt: () => this.facts.lastSuccessAt(),
    };
  }

  backgroundTasks(): BackgroundTask[] {
    return this.schedules.backgroundTasks();
  }

  /** A plan by its name, or by its id (workflow steps and approvals may keep either). */
  private find(name: string): StoredPlan {
    const plan = this.plans.byName(name) ?? this.plans.byId(name);
    if (!plan) throw new CoreError('NOT_FOUND', `plan: there is no backup plan called ${name}`, 'plan');
    return plan;
  }

  private async restic(): Promise<Restic> {
    const configured = this.deps.settings.get('backup.resticPath');
    if (this.cached?.configured !== configured) {
      const binary = await locateRestic(configured, this.deps.env, this.deps.bundledRestic);
      this.cached = { configured, restic: new Restic(binary, this.deps.env, join(this.deps.dataDir, 'cache', 'restic')) };
    }
    return this.cached.restic;
  }

  private async access(plan: StoredPlan): Promise<{ restic: Restic; access: RepositoryAccess }> {
    const password = this.deps.secrets.revealFor(passwordFamily, plan.id);
    if (password === undefined) throw new CoreError('CONFLICT', `the plan ${plan.name} has no repository password stored (add the plan again with its password)`);
    const repository = this.deps.secrets.revealFor(urlFamily, plan.id) ?? plan.repository;
    return { restic: await this.restic(), access: { repository, password } };
  }

  /** Runs `work` as one operation of the history and waits for it; a failure is recorded, then thrown. */
  private async operate<T>(plan: StoredPlan, kind: OperationKind, work: (restic: Restic, access: RepositoryAccess, control: Control) => Promise<Done<T>>) {
    const { restic, access } = await this.access(plan);
    try {
      return await this.begin(plan, kind, restic, access, (control) => work(restic, access, control)).done;
    } catch (err) {
      throw err instanceof OperationFailed ? err.cause : err;
    }
  }

  /**
   * Starts an operation: a running row now, its end recorded when `work` settles. After an
   * interrupted one, the stale locks of this host go first (stale-locks.ts), never another host's.
   */
  private begin<T>(plan: StoredPlan, kind: OperationKind, restic: Restic, access: RepositoryAccess, work: (control: Control, op: BackupOperation) => Promise<Done<T>>) {
    const { clock, events, log } = this.deps;
    const operation = this.operations.start(plan, kind, this.owner, restic.version, clock.now());
    const clean = (text: string) => redact(text, [access.password], access.repository);
    const controller = new AbortController();
    const control: Control = { signal: controller.signal, onSpawn: (pid) => this.operations.setChildPid(operation.id, pid) };
    const done = (async () => {
      try {
        const unlocked = kind !== 'init' && this.operations.followsInterruption(plan.id, operation.id) ? await removeStaleLocksOfThisHost(restic, access, control, clock.now()) : undefined;
        const result = await work(control, operation);
        const kept = unlocked === undefined ? result.log : ['stale locks (the operation before was interrupted):', unlocked, result.log].filter(Boolean).join('\n');
        const end = result.end?.error ? { ...result.end, error: clean(result.end.error) } : result.end;
        const finished = this.operations.finish(operation.id, { status: 'succeeded', ...end, log: clean(kept) }, clock.now());
        announce(events, kind, finished);
        return { operation: finished, value: result.value };
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        error.message = clean(error.message); // the caller shows it too
        const status = err instanceof CoreError && err.code === 'CANCELLED' ? 'cancelled' : 'failed';
        const kept = (err as { log?: unknown }).log;
        // whatever path a failure took (restic, pg_dump, the unreachable watch), no password reaches the row, its events or a page
        const finished = this.operations.finish(operation.id, { status, error: error.message, log: typeof kept === 'string' ? clean(kept) : '' }, clock.now());
        log.warn({ operation: operation.id, plan: plan.name, kind, status }, 'backup operation did not succeed');
        announce(events, kind, finished);
        throw new OperationFailed(finished, error);
      } finally {
        this.inFlight.delete(operation.id);
      }
    })();
    this.inFlight.set(operation.id, { controller, done });
    return { operation, done };
  }
}

/** The events an ended operation raises: every backup's end, and a check that failed. */
function announce(events: EventBus, kind: OperationKind, op: BackupOperation): void {
  if (kind === 'backup') events.emit(op.status === 'succeeded' ? 'backup.succeeded' : 'backup.failed', op);
  else if (kind === 'check' && op.status === 'failed') events.emit('check.failed', op);
}

/** A check stopped by the plan's check timeout, in words that say what to suspect and what to change. */
function checkTimedOut(err: unknown, plan: StoredPlan): unknown {
  if (!(err instanceof ResticFailure) || err.code !== 'UNAVAILABLE' || !/did not finish within/.test(err.message)) return err;
  const limit = planDurationText(plan.runPolicy.checkTimeoutMs);
  return new ResticFailure('UNAVAILABLE', `restic check did not finish within ${limit} (the plan's check timeout) and was stopped: the repository may be damaged or not answering; a larger repository may need a longer one (levqor backup plan edit ${plan.name} --check-timeout DURATION)`, err.log);
}

/** What each restic call of an operation gets: its cancel signal, and where to record restic's pid. */
type Control = Required<Pick<CallOptions, 'signal' | 'onSpawn'>>;

/** An operation whose work failed: its recorded row, and why. */
class OperationFailed extends Error {
  constructor(
    readonly operation: BackupOperation,
    override readonly cause: Error,
  ) {
    super(cause.message);
  }
}
