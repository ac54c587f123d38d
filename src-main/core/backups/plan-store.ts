import type { BackupOwner, BackupSource, CatchUpChoice, OverlapChoice, PlanRunPolicy, RetentionPolicy } from '../../../shared/backup';
import { parseRepository } from '../../../shared/backup-repository';
import type { BackupPlan } from '../../../shared/contract/backup';
import type { Db } from '../db/open';

interface Row {
  id: string;
  name: string;
  owner: string;
  sources: string;
  excludes: string;
  repository: string;
  schedule_cron: string | null;
  schedule_timezone: string;
  retention: string;
  check_cron: string | null;
  check_read_data_subset: string | null;
  retries: number;
  retry_delay_ms: number;
  overlap: OverlapChoice;
  catch_up: CatchUpChoice;
  check_timeout_ms: number;
  created_at: number;
  updated_at: number;
}

/** A plan as core keeps it; a repository URL's password is not here but in the secrets (family backup.repositoryUrl). */
export interface StoredPlan {
  id: string;
  name: string;
  owner: BackupOwner;
  sources: BackupSource[];
  excludes: string[];
  repository: string;
  scheduleCron: string | null;
  timezone: string;
  retention: RetentionPolicy;
  checkCron: string | null;
  checkReadDataSubset: string | null;
  runPolicy: PlanRunPolicy;
  createdAt: number;
  updatedAt: number;
}

function fromRow(r: Row): StoredPlan {
  return {
    id: r.id,
    name: r.name,
    owner: JSON.parse(r.owner) as BackupOwner,
    sources: JSON.parse(r.sources) as BackupSource[],
    excludes: JSON.parse(r.excludes) as string[],
    repository: r.repository,
    scheduleCron: r.schedule_cron,
    timezone: r.schedule_timezone,
    retention: JSON.parse(r.retention) as RetentionPolicy,
    checkCron: r.check_cron,
    checkReadDataSubset: r.check_read_data_subset,
    runPolicy: { retries: r.retries, retryDelayMs: r.retry_delay_ms, overlap: r.overlap, catchUp: r.catch_up, checkTimeoutMs: r.check_timeout_ms },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What callers see: no password of a REST URL, and whether the repository password is stored. */
export function publicPlan(plan: StoredPlan, passwordSet: boolean): BackupPlan {
  const { repository, scheduleCron, timezone, checkCron, checkReadDataSubset, ...same } = plan;
  const parsed = parseRepository(repository);
  const at = (cron: string | null) => (cron === null ? null : { cron, timezone });
  return {
    ...same,
    repo: repository,
    repoKind: parsed.ok ? parsed.repository.kind : 'local',
    schedule: at(scheduleCron),
    check: { schedule: at(checkCron), readDataSubset: checkReadDataSubset },
    passwordSet,
  };
}

const columns = `owner = @owner, sources = @sources, excludes = @excludes, schedule_cron = @scheduleCron, schedule_timezone = @timezone, retention = @retention,
  check_cron = @checkCron, check_read_data_subset = @checkReadDataSubset, retries = @retries, retry_delay_ms = @retryDelayMs, overlap = @overlap,
  catch_up = @catchUp, check_timeout_ms = @checkTimeoutMs, updated_at = @updatedAt`;

/** A plan's values as the statements bind them. */
function bound(plan: StoredPlan) {
  const { runPolicy, ...rest } = plan;
  return { ...rest, ...runPolicy, owner: JSON.stringify(plan.owner), sources: JSON.stringify(plan.sources), excludes: JSON.stringify(plan.excludes), retention: JSON.stringify(plan.retention) };
}

/** The backup_plans table (migration 0017; 0019 adds the run policy and the stale period announced). */
export class PlanStore {
  constructor(private readonly db: Db) {}

  list(): StoredPlan[] {
    return (this.db.prepare('SELECT * FROM backup_plans ORDER BY name').all() as Row[]).map(fromRow);
  }

  byName(name: string): StoredPlan | undefined {
    const row = this.db.prepare('SELECT * FROM backup_plans WHERE name = ?').get(name) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  byId(id: string): StoredPlan | undefined {
    const row = this.db.prepare('SELECT * FROM backup_plans WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  insert(plan: StoredPlan): void {
    // inserted with the defaults, then given the plan's own values: one list of columns for both
    this.db.prepare(`INSERT INTO backup_plans (id, name, owner, sources, excludes, repository, schedule_timezone, retention, created_at, updated_at) VALUES (@id, @name, '', '', '', @repository, '', '', @createdAt, @updatedAt)`).run(plan);
    this.update(plan);
  }

  /** Everything of the plan but its id, name and repository (which a plan keeps). */
  update(plan: StoredPlan): void {
    this.db.prepare(`UPDATE backup_plans SET ${columns} WHERE id = @id`).run(bound(plan));
  }

  /** The stale period already announced for the plan (its last success, or `never`), kept across restarts. */
  staleAnnounced(id: string): string | null {
    return (this.db.prepare('SELECT stale_announced_for AS period FROM backup_plans WHERE id = ?').get(id) as { period: string | null } | undefined)?.period ?? null;
  }

  markStaleAnnounced(id: string, period: string): void {
    this.db.prepare('UPDATE backup_plans SET stale_announced_for = ? WHERE id = ?').run(period, id);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM backup_plans WHERE id = ?').run(id);
  }
}
