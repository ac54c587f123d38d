import type { UpgradePlan } from '../../../shared/contract/guardian';

export interface UpgradeInput {
  currentVersion: string;
  availableVersion: string;
  currentSchema: number;
  targetSchema: number;
  releaseNotes?: string | undefined;
  /** Runs in progress or waiting, and approvals pending: an upgrade interrupts them. */
  activeRuns: number;
  pendingApprovals: number;
  remoteConfigured: boolean;
  /** What "Back up first" will do here (the app-data backup plan, or that there is none); a generic step when absent. */
  backupFirst?: string | undefined;
}

function parse(v: string): { nums: [number, number, number]; pre: string | null } {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-(.+))?$/.exec(v)!;
  return { nums: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ?? null };
}

export function compareVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i]! - y.nums[i]!;
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/**
 * The auto-upgrade engine, design only: what an upgrade would do, in order, and what could go
 * wrong. It never downloads, installs or migrates anything.
 */
export function planUpgrade(i: UpgradeInput): UpgradePlan {
  const cmp = compareVersions(i.availableVersion, i.currentVersion);
  const cur = parse(i.currentVersion);
  const next = parse(i.availableVersion);
  const kind: UpgradePlan['kind'] =
    cmp === 0 ? 'same' : cmp < 0 ? 'downgrade' : next.nums[0] !== cur.nums[0] ? 'major' : next.nums[1] !== cur.nums[1] ? 'minor' : next.nums[2] !== cur.nums[2] ? 'patch' : 'prerelease';
  const pending: number[] = [];
  for (let v = i.currentSchema + 1; v <= i.targetSchema; v++) pending.push(v);
  const blockers: string[] = [];
  if (kind === 'same') blockers.push(`${i.availableVersion} is the version already installed`);
  if (kind === 'downgrade') blockers.push(`${i.availableVersion} is older than ${i.currentVersion}: a data dir migrated by a newer build is refused by an older one (SCHEMA_TOO_NEW); restore a backup made before the upgrade instead`);
  if (i.targetSchema < i.currentSchema) blockers.push(`the new build knows database schema ${i.targetSchema} but this data dir is at ${i.currentSchema}`);

  const steps: UpgradePlan['steps'] = [];
  const add = (title: string, detail: string, cls: 'A' | 'B' | 'C' = 'A') => steps.push({ order: steps.length + 1, title, detail, class: cls });
  add('Back up first', i.backupFirst ?? 'Snapshot the data dir (levqor.db via the SQLite backup API, the secrets key file, products/) and verify the snapshot opens, before anything changes.');
  if (i.activeRuns > 0 || i.pendingApprovals > 0) add('Let work settle', `${i.activeRuns} runs active or waiting and ${i.pendingApprovals} approvals pending: wait for them or accept that they resume after the restart (runs are durable).`);
  add('Stop background work', 'Stop schedulers, sync, monitors and uploads (the background tasks) so nothing writes during the switch.');
  add(`Install ${i.availableVersion}`, `Replace the app binary (${kind} update from ${i.currentVersion}); the old installer stays available for a rollback.`, 'B');
  if (pending.length > 0) add(`Apply migrations ${pending.join(', ')}`, `Database schema ${i.currentSchema} \u2192 ${i.targetSchema}, all in one transaction: a failure leaves the file as it was.`, 'B');
  else add('No database migrations', `The schema stays at ${i.currentSchema}.`);
  if (i.remoteConfigured) add('Check the remote schema', 'Reconnect the remote Postgres; its schema migrations are applied idempotently on connect.');
  add('Verify', 'Run every Guardian monitor once, compare the health score with the one before, check the sync and the scheduler.');
  add('Roll back if needed', 'If verification fails: reinstall the previous version and restore the snapshot from step 1.', 'C');

  const risks: UpgradePlan['risks'] = [];
  if (kind === 'major') risks.push({ level: 'high', risk: 'A major version may change data formats or behaviour', mitigation: 'Read the release notes; keep the backup until the new version has run for a few days.' });
  if (pending.length > 0) risks.push({ level: pending.length > 2 ? 'high' : 'medium', risk: `${pending.length} database migration(s): after them, the previous version can no longer open the data dir`, mitigation: 'The backup made first is the way back.' });
  if (i.activeRuns > 0) risks.push({ level: 'medium', risk: `${i.activeRuns} workflow runs are in flight`, mitigation: 'Runs are durable and resume after restart; steps with side effects are not repeated once recorded.' });
  if (i.pendingApprovals > 0) risks.push({ level: 'low', risk: `${i.pendingApprovals} approvals are waiting and may reach their timeout during the upgrade`, mitigation: 'Decide them before upgrading.' });
  if (i.releaseNotes && /breaking|removed|incompatible/i.test(i.releaseNotes)) risks.push({ level: 'high', risk: 'The release notes mention breaking or removed behaviour', mitigation: 'Read them and check the workflows that use the affected steps.' });
  if (kind === 'prerelease' || next.pre !== null) risks.push({ level: 'medium', risk: 'A pre-release build', mitigation: 'Prefer the stable release for the business data dir.' });
  if (risks.length === 0) risks.push({ level: 'low', risk: 'A routine update', mitigation: 'The backup made first covers the unexpected.' });

  return { applied: false, currentVersion: i.currentVersion, targetVersion: i.availableVersion, kind, schema: { current: i.currentSchema, target: i.targetSchema, pending }, steps, risks, blockers };
}
