import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseRepository } from '../../../shared/backup-repository';
import type { AddPlanInput, UpdatePlanInput, BackupEngine, BackupOperation, BackupOperationDetail, BackupPlan, BackupSnapshot, ForgetResult, RestoreResult, SnapshotEntry } from '../../../shared/contract/backup';
import type { PageAddPlanInput, PageEntry, PagePlan, PageSnapshot } from '../../../shared/contract/backup-page';
import type { PlanChanges } from '../../../shared/contract/backup';
import { CoreError, badInput } from '../errors';
import { isInside, realPathOf } from '../fs/contained-path';
import { CronSchedule } from '../scheduler';
import type { StoredPlan } from './plan-store';
import { restoresFolder } from './restore-files';
import { stagingFolder } from './run-backup';

/** What the view asks of BackupService (declared here, so the two files do not import each other). */
export interface BackupBackend {
  engine(): Promise<BackupEngine>;
  plan(name: string): BackupPlan;
  add(input: AddPlanInput): Promise<BackupPlan>;
  update(input: UpdatePlanInput): BackupPlan;
  applyRetention(name: string): Promise<ForgetResult>;
  snapshots(name: string): Promise<BackupSnapshot[]>;
  ls(name: string, snapshot: string, path?: string, pathField?: string): Promise<{ snapshot: BackupSnapshot; entries: SnapshotEntry[] }>;
  restore(name: string, input: { snapshot: string; target: string; include?: string | undefined }): Promise<RestoreResult>;
  forget(name: string, dryRun: boolean): Promise<ForgetResult>;
  history(plan: string | undefined, limit: number): BackupOperation[];
  operation(id: string): BackupOperationDetail;
}

export interface PageViewDeps {
  dataDir: string;
  productsDir(): string;
  now(): number;
  /** The plans as core keeps them (with their repository paths, which the page never sees). */
  storedPlan(name: string): StoredPlan;
  storedPlans(): StoredPlan[];
}

/** Where the page's "a repository in the app's data folder" goes. */
const repositoriesUnder = (dataDir: string) => join(dataDir, 'backups');

/** A snapshot's root as the page names it, and where it is on this machine. */
interface Root {
  label: string;
  path: string;
}

/** A failure of the service re-worded under the page's own field (target → folder, include → path, repo → repository.url). */
async function underPageFields<T>(call: () => Promise<T>, fields: Record<string, string>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const to = err instanceof CoreError && err.field !== undefined ? fields[err.field] : undefined;
    if (!(err instanceof CoreError) || to === undefined || err.field === undefined) throw err;
    throw new CoreError(err.code, err.message.startsWith(`${err.field}:`) ? `${to}:${err.message.slice(err.field.length + 1)}` : err.message, to);
  }
}

/**
 * The Backups area's view of the backup capability: the same plans, snapshots and operations
 * with no path of this machine in what goes to the page or comes from it (docs/security.md
 * "Files of this machine"). Everything is done by BackupService; this only translates.
 */
export class BackupPageView {
  constructor(
    private readonly service: BackupBackend,
    private readonly deps: PageViewDeps,
  ) {}

  async engine() {
    const { path: _path, ...engine } = await this.service.engine();
    return { ...engine, problem: engine.problem === null ? null : this.scrub(engine.problem) };
  }

  /** The plan's operations, newest first, their errors without paths of this machine. */
  history(name: string, limit: number): BackupOperation[] {
    this.deps.storedPlan(name);
    return this.service.history(name, limit).map((op) => this.scrubbed(op));
  }

  /** One operation with restic's kept log, paths of this machine replaced by what they are. */
  operation(id: string): BackupOperationDetail {
    const op = this.scrubbed(this.service.operation(id));
    return { ...op, log: this.scrub(op.log) };
  }

  /**
   * Any failure of `call` with the paths of this machine it may quote (restic names the
   * repository, a source, the data folder) replaced by what they are.
   */
  async said<T>(call: () => T | Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof CoreError)) throw err;
      throw new CoreError(err.code, this.scrub(err.message), err.field);
    }
  }

  /** Text with this machine's paths put in words: longest first, so a folder inside another is named as itself. */
  scrub(text: string): string {
    const named: Array<[string, string]> = [];
    for (const plan of this.deps.storedPlans()) {
      named.push([plan.repository, `the repository of ${plan.name}`]);
      for (const s of plan.sources) if (s.kind === 'folder') named.push([s.path, `a folder of ${plan.name}`]);
    }
    const dataDir = this.deps.dataDir;
    named.push([this.deps.productsDir(), 'the products folder'], [dataDir, 'the app\u2019s data folder'], [realPathOf(dataDir), 'the app\u2019s data folder'], [homedir(), 'the home folder']);
    return named
      .filter(([path]) => path.length > 1)
      .sort((a, b) => b[0].length - a[0].length)
      .reduce((t, [path, words]) => t.split(path).join(words), text);
  }

  plans(): PagePlan[] {
    return this.deps.storedPlans().map((p) => this.view(p));
  }

  plan(name: string): PagePlan {
    return this.view(this.deps.storedPlan(name));
  }

  /** A plan of the app's own data, into backups/<name> of the data folder or a URL. */
  async add(input: PageAddPlanInput): Promise<PagePlan> {
    const { repository, ...rest } = input;
    if (repository.kind === 'appData' && input.name === 'staging') throw badInput('name', 'staging is the folder the app stages its data in; pick another name');
    const repo = repository.kind === 'appData' ? join(repositoriesUnder(this.deps.dataDir), input.name) : repository.url;
    const added = await underPageFields(() => this.service.add({ ...rest, repo, sources: [{ kind: 'app' }] }), { repo: 'repository.url' });
    return this.plan(added.name);
  }

  async snapshots(name: string): Promise<PageSnapshot[]> {
    const made = new Map(this.backups(name).flatMap((op) => (op.snapshotId && op.status === 'succeeded' ? [[op.snapshotId, op] as const] : [])));
    return (await this.service.snapshots(name)).map((s) => {
      const op = made.get(s.shortId) ?? made.get(s.id);
      return { id: s.id, shortId: s.shortId, time: s.time, tags: s.tags, bytes: op?.bytes ?? null, files: op?.files ?? null, bytesAdded: op?.bytesAdded ?? null };
    });
  }

  /** A folder of a snapshot seen from its roots; the roots themselves when no path is given. */
  async browse(name: string, snapshot: string, path?: string): Promise<PageEntry[]> {
    const { roots, root, inside } = await this.locate(name, snapshot, path);
    if (!root) return roots.map((r) => ({ name: r.label, type: 'dir', path: r.label, size: null, mtime: null }));
    const { entries } = await this.service.ls(name, snapshot, inside, 'path');
    return entries.map((e) => ({ ...e, path: `${root.label}${e.path.slice(root.path.length)}` })).sort(folderFirstNatural);
  }

  /** Restores into a new folder under restores/; the answer names where it went (a path the app chose, not one the page typed). */
  async restore(name: string, input: { snapshot: string; path?: string | undefined; folder: string }) {
    const target = join(this.deps.dataDir, restoresFolder, input.folder);
    if (existsSync(target)) throw badInput('folder', `there is already a folder ${input.folder} under restores; pick a new name`);
    const { inside } = await this.locate(name, input.snapshot, input.path);
    const done = await underPageFields(() => this.service.restore(name, { snapshot: input.snapshot, target, include: inside }), { target: 'folder', include: 'path' });
    return { ...done, restoredAt: inside ? join(done.target, inside) : done.target };
  }

  /** Changes a plan (no sources or excludes here: they name folders of this machine). */
  update(name: string, changes: PlanChanges): PagePlan {
    this.service.update({ ...changes, plan: name });
    return this.plan(name);
  }

  async retention(name: string) {
    return retentionView(await this.service.forget(name, true));
  }

  /** Applies the policy (retention.ts): pre-launch the approval it asked, post-launch the forget that ran (its error without paths). */
  async applyRetention(name: string) {
    const done = await this.service.applyRetention(name);
    return { ...retentionView(done), operation: done.operation ? this.scrubbed(done.operation) : null, approval: done.approval ?? null };
  }

  /** A plan's backups, newest first, their errors without paths of this machine. */
  private backups(name: string): BackupOperation[] {
    return this.service.history(name, 500).flatMap((op) => (op.kind === 'backup' ? [this.scrubbed(op)] : []));
  }

  private scrubbed<T extends BackupOperation>(op: T): T {
    return { ...op, error: op.error === null ? null : this.scrub(op.error) };
  }

  /** The snapshot's roots, and the root and path on this machine a page path stands for. */
  private async locate(name: string, snapshot: string, path: string | undefined): Promise<{ roots: Root[]; root?: Root; inside?: string }> {
    const plan = this.deps.storedPlan(name);
    const { snapshot: found } = await this.service.ls(name, snapshot, '/');
    const staging = stagingFolder(this.deps.dataDir, plan.id);
    const products = this.deps.productsDir();
    let folders = 0;
    const roots = found.paths.map((p) => ({ label: p === staging ? 'app-data' : p === products ? 'products' : `folder-${++folders}`, path: p }));
    if (path === undefined) return { roots };
    const [label, ...below] = path.split('/');
    const root = roots.find((r) => r.label === label);
    if (!root) throw badInput('path', `snapshot ${found.shortId} has no ${label} (it holds ${roots.map((r) => r.label).join(', ')})`);
    return { roots, root, inside: below.length ? `${root.path}/${below.join('/')}` : root.path };
  }

  private view(plan: StoredPlan): PagePlan {
    const shown = this.service.plan(plan.name);
    const parsed = parseRepository(plan.repository);
    const local = !parsed.ok || parsed.repository.kind === 'local';
    const repository = !local ? shown.repo : isInside(repositoriesUnder(this.deps.dataDir), plan.repository) ? 'in the app\u2019s data folder' : 'a folder on this machine';
    const backups = this.backups(plan.name);
    const next = plan.scheduleCron ? new CronSchedule(plan.scheduleCron, plan.timezone).next(this.deps.now()) : undefined;
    return {
      id: plan.id,
      name: plan.name,
      owner: plan.owner,
      sources: plan.sources.map((s) => s.kind),
      repoKind: shown.repoKind,
      repository,
      schedule: shown.schedule,
      nextRun: next ?? null,
      retention: plan.retention,
      checkSchedule: shown.check.schedule,
      runPolicy: plan.runPolicy,
      passwordSet: shown.passwordSet,
      lastBackup: backups[0] ?? null,
      lastSuccess: backups.find((op) => op.status === 'succeeded') ?? null,
      running: backups.find((op) => op.status === 'running') ?? null,
    };
  }
}

/** The snapshots a policy keeps (with restic's reasons) and removes, without their paths. */
function retentionView({ groups }: ForgetResult) {
  const brief = (s: BackupSnapshot) => ({ shortId: s.shortId, time: s.time, tags: s.tags });
  return {
    keep: groups.flatMap((g) => g.keep.map((k) => ({ ...brief(k.snapshot), reasons: k.reasons }))),
    remove: groups.flatMap((g) => g.remove.map(brief)),
  };
}

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Folders first, then names as a person counts them (video-2 before video-10), not restic's byte order. */
function folderFirstNatural(a: PageEntry, b: PageEntry): number {
  return Number(b.type === 'dir') - Number(a.type === 'dir') || byName.compare(a.name, b.name);
}
