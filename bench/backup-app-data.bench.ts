import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Core } from '../src-main/core';
import { builtCore } from './built-core';
import { benchEnv, ingestTelemetry, makeProducts, makeRuns, timedRun } from './backup-data';
import { median, type Report } from './measure';

const rounds = 3;
const password = 'bench-repository-password';

/**
 * A plan with `--source app` backed up through the app (online SQLite snapshot, products folder,
 * restic) into a fresh local repository, beside a bare `restic backup` of an already-made copy
 * of the same files (the database file and the products folder) into another fresh one; then
 * the plan's second backup with nothing changed. The data (1M telemetry rows, 10k runs, 200 MB
 * of random product files) is made once; the sides alternate, and each side's median is printed.
 */
export async function backupAppData(report: Report): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'levqor-bench-backup-'));
  const products = join(root, 'products');
  const { createCore } = await builtCore();
  const core = createCore({ dataDir: join(root, 'data'), env: benchEnv(products), logToFile: false });
  try {
    let t = performance.now();
    ingestTelemetry(core, 1_000_000);
    await makeRuns(core, 10_000);
    makeProducts(products, 200);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const copy = referenceCopy(core, root, products);
    console.log(`(data made in ${((performance.now() - t) / 1000).toFixed(1)} s: database ${(statSync(join(copy, 'db', 'levqor.db')).size / 1e6).toFixed(0)} MB, products 200 MB)`);

    const first: number[] = [];
    const second: number[] = [];
    const reference: number[] = [];
    const bareSecond: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const bare = await bareRestic(root, copy, round);
      reference.push(bare.first);
      bareSecond.push(bare.second);
      const repo = join(root, `repo-app-${round}`);
      await core.backups.add({ name: `bench-${round}`, repo, password, sources: [{ kind: 'app' }] });
      t = performance.now();
      await core.backups.run(`bench-${round}`, true);
      first.push(performance.now() - t);
      t = performance.now();
      const again = await core.backups.run(`bench-${round}`, true);
      second.push(performance.now() - t);
      if (round === 0) console.log(`(second backup: ${again.bytesAdded ?? 0} bytes added)`);
      rmSync(repo, { recursive: true, force: true });
      rmSync(join(root, 'data', 'cache'), { recursive: true, force: true });
    }
    const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    console.log(`(rounds: app first ${ms(first)}; app second ${ms(second)}; bare restic first ${ms(reference)}; bare restic second ${ms(bareSecond)} ms)`);
    report({ name: 'backup of the app data (1M telemetry rows, 10k runs, 200 MB products) through the app into a fresh local repository, median of 3', value: median(first), unit: 'ms', reference: { name: 'bare `restic backup` of a copy of the same database file + products folder into a fresh repository, median of 3', value: median(reference) }, target: '≤ 1.15× reference' });
    report({ name: 'second backup of the same plan, nothing changed, median of 3', value: median(second), unit: 'ms', reference: { name: 'the first backup through the app, median of 3', value: median(first) }, target: '≤ 0.25× the first' });
    // restic's own floor: what a second run costs it with nothing changed (opening the repository, the scan, a new snapshot)
    report({ name: 'bare `restic backup` of the unchanged copy, second run, median of 3', value: median(bareSecond), unit: 'ms', reference: { name: 'its first run, median of 3', value: median(reference) } });
  } finally {
    core.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The same files the app backs up, made beforehand: the database file copied, the products folder copied. */
function referenceCopy(core: Core, root: string, products: string): string {
  const copy = join(root, 'copy');
  mkdirSync(join(copy, 'db'), { recursive: true });
  cpSync(join(core.dataDir, 'levqor.db'), join(copy, 'db', 'levqor.db'));
  cpSync(products, join(copy, 'products'), { recursive: true });
  return copy;
}

/** `restic init` (not timed), then the timed `restic backup` of the copy into that fresh repository, twice. */
async function bareRestic(root: string, copy: string, round: number): Promise<{ first: number; second: number }> {
  const repo = join(root, `repo-bare-${round}`);
  const env = { PATH: process.env.PATH, HOME: root, RESTIC_REPOSITORY: repo, RESTIC_PASSWORD: password };
  const cache = ['--cache-dir', join(root, `cache-bare-${round}`)];
  await timedRun('restic', [...cache, 'init'], env);
  const backup = () => timedRun('restic', [...cache, 'backup', '--json', join(copy, 'db'), join(copy, 'products')], env);
  const first = await backup();
  const second = await backup();
  rmSync(repo, { recursive: true, force: true });
  rmSync(join(root, `cache-bare-${round}`), { recursive: true, force: true });
  return { first, second };
}
