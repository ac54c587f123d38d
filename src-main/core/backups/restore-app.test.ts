import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useRestartableCore } from '../../../tests/helpers/backups/restartable-core';

// The app's own data back from a snapshot: a real core, real restic, a real restart around the swap.

const held = useRestartableCore('levqor-restore-app-', 'e'.repeat(64));
const { root, dataDir, holder } = held;
const repo = join(root, 'repo');
const password = 'pw-5be0c91d77';

const tables = ['workflows', 'runs', 'run_steps', 'telemetry_logs'] as const;
function rows(file: string): Record<(typeof tables)[number], unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()])) as Record<(typeof tables)[number], unknown[]>;
  } finally {
    db.close();
  }
}

function restic(...args: string[]): string {
  return execFileSync('restic', args, { env: { ...process.env, RESTIC_REPOSITORY: repo, RESTIC_PASSWORD: password, RESTIC_CACHE_DIR: join(root, 'cache') }, encoding: 'utf8' });
}

async function someWork(label: string): Promise<void> {
  const flow = held.core.workflows.save(undefined, { name: `Import ${label}`, trigger: { type: 'manual' }, nodes: [{ id: 't', type: 'transform', params: { expression: '{"ok": true}' } }], edges: [] });
  for (let i = 0; i < 3; i++) await held.core.workflows.run({ id: flow.id, wait: true });
  const now = held.core.clock.now();
  held.core.telemetry.ingestValues(Array.from({ length: 200 }, (_, i) => ({ ts: now - i * 1000, level: 'info', source: 'site', message: `${label} ${i}`, endpoint: '/shop', method: 'GET', status: 200, duration_ms: 20 })));
}

describe('restoring the app\u2019s own data', () => {
  it('brings back the snapshot\u2019s rows (workflows, runs, telemetry) after keeping the live data as its own snapshot', async () => {
    await held.core.backups.add({ name: 'levqor', repo, password, sources: [{ kind: 'app' }], excludes: [], retention: { keepLast: 1 } });
    await someWork('before');
    const backup = await held.core.backups.run('levqor', true);
    expect(backup.status).toBe('succeeded');
    // the source of truth: the snapshot's own database, as restic gives it back
    const source = join(root, 'source');
    restic('restore', backup.snapshotId!, '--target', source);
    const sourceRows = rows(execFileSync('find', [source, '-name', 'levqor.db'], { encoding: 'utf8' }).trim());
    expect(sourceRows.runs).toHaveLength(3);
    expect(sourceRows.telemetry_logs.length).toBeGreaterThanOrEqual(200);

    await someWork('after'); // live now, not in the snapshot
    const live = rows(join(dataDir, 'levqor.db'));
    expect(live.runs).toHaveLength(6);

    const result = await held.core.backups.restoreApp('levqor', backup.snapshotId!, holder);
    expect(result.preRestore).toMatchObject({ kind: 'backup', status: 'succeeded' });
    // the core was restarted on the restored file: the rows are the snapshot's
    expect(rows(join(dataDir, 'levqor.db'))).toEqual(sourceRows);
    expect(held.core.runs.list({ limit: 100 })).toHaveLength(3);
    expect(existsSync(join(dataDir, 'levqor.db.restored'))).toBe(false);

    // the data that was live is its own snapshot, tagged, and retention (keep-last 1) keeps it
    const snapshots = JSON.parse(restic('snapshots', '--json', '--tag', 'levqor-pre-restore')) as Array<{ short_id: string }>;
    expect(snapshots.map((s) => s.short_id)).toEqual([result.preRestore.snapshotId]);
    await held.core.backups.run('levqor', true);
    const forgotten = await held.core.backups.forget('levqor', false);
    expect(forgotten.groups.flatMap((g) => g.keep.map((k) => k.snapshot.shortId))).toContain(result.preRestore.snapshotId);
    const kept = join(root, 'kept');
    restic('restore', result.preRestore.snapshotId!, '--target', kept);
    expect(rows(execFileSync('find', [kept, '-name', 'levqor.db'], { encoding: 'utf8' }).trim()).runs).toEqual(live.runs);
  }, 120_000);

  it('refuses a snapshot it cannot use, naming the field, and changes nothing', async () => {
    const before = rows(join(dataDir, 'levqor.db'));
    await expect(held.core.backups.restoreApp('levqor', 'deadbeef', holder)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'snapshot' });
    await expect(held.core.backups.restoreApp('nope', 'deadbeef', holder)).rejects.toMatchObject({ field: 'plan' });
    expect(rows(join(dataDir, 'levqor.db'))).toEqual(before);
  });
});
