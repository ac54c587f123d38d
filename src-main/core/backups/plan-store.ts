import type { BackupOwner, BackupSource, RetentionPolicy } from '../../../shared/backup';
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

/** The backup_plans table (migration 0017). */
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
    this.db
      .prepare(
        `INSERT INTO backup_plans (id, name, owner, sources, excludes, repository, schedule_cron, schedule_timezone, retention, check_cron, check_read_data_subset, created_at, updated_at)
         VALUES (@id, @name, @owner, @sources, @excludes, @repository, @scheduleCron, @timezone, @retention, @checkCron, @checkReadDataSubset, @createdAt, @updatedAt)`,
      )
      .run({
        ...plan,
        owner: JSON.stringify(plan.owner),
        sources: JSON.stringify(plan.sources),
        excludes: JSON.stringify(plan.excludes),
        retention: JSON.stringify(plan.retention),
      });
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM backup_plans WHERE id = ?').run(id);
  }
}
