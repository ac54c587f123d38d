import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '..';
import type { RetentionPolicy } from '../../../shared/backup';
import { rng } from '../../../tests/helpers/traffic';

// The app's retention preview (backup forget --dry-run) against restic's own `forget --dry-run
// --json` over the same snapshots: random histories (times, hosts, paths, a keep tag) and
// random policies, from a fixed seed so a failure repeats. Each restic call costs about a second
// (it derives the repository key with scrypt), so the histories are short and few.

const root = mkdtempSync(join(tmpdir(), 'levqor-retention-'));
const password = 'retention-property';
const folders = [join(root, 'docs'), join(root, 'mail')];
let core: Core;

beforeAll(() => {
  for (const f of folders) {
    mkdirSync(f, { recursive: true });
    writeFileSync(join(f, 'file.txt'), f);
  }
  core = createCore({ dataDir: join(root, 'data'), env: { PATH: process.env.PATH, HOME: root, LEVQOR_SECRET_KEY: 'e'.repeat(64) }, logToFile: false });
});
afterAll(() => {
  core?.close();
  rmSync(root, { recursive: true, force: true });
});

function restic(repo: string, args: string[]): string {
  return execFileSync('restic', args, { env: { ...process.env, TZ: 'UTC', RESTIC_REPOSITORY: repo, RESTIC_PASSWORD: password, RESTIC_CACHE_DIR: join(root, 'cache') }, encoding: 'utf8' });
}

/** restic's flags for a policy, written out here rather than taken from the app. */
function flagsOf(p: RetentionPolicy): string[] {
  const out: string[] = [];
  const add = (flag: string, v: number | string | undefined) => v !== undefined && out.push(flag, String(v));
  add('--keep-last', p.keepLast);
  add('--keep-hourly', p.keepHourly);
  add('--keep-daily', p.keepDaily);
  add('--keep-weekly', p.keepWeekly);
  add('--keep-monthly', p.keepMonthly);
  add('--keep-yearly', p.keepYearly);
  add('--keep-within', p.keepWithin);
  for (const t of p.keepTags ?? []) out.push('--keep-tag', t);
  return out;
}

function randomPolicy(random: () => number): RetentionPolicy {
  const int = (max: number) => 1 + Math.floor(random() * max);
  const maybe = () => random() < 0.4;
  const policy: RetentionPolicy = {
    ...(maybe() ? { keepLast: int(5) } : {}),
    ...(maybe() ? { keepHourly: int(6) } : {}),
    ...(maybe() ? { keepDaily: int(7) } : {}),
    ...(maybe() ? { keepWeekly: int(4) } : {}),
    ...(maybe() ? { keepMonthly: int(6) } : {}),
    ...(maybe() ? { keepYearly: int(2) } : {}),
    ...(random() < 0.25 ? { keepWithin: ['12h', '3d', '2m', '1y1m'][Math.floor(random() * 4)]! } : {}),
    ...(random() < 0.2 ? { keepTags: ['keep'] } : {}),
  };
  return Object.keys(policy).length > 0 ? policy : { keepLast: int(3) };
}

interface Group {
  host: string;
  paths: string[];
  keep: Array<{ id: string }>;
  remove: Array<{ id: string }> | null;
  reasons: Array<{ snapshot: { time: string; tree: string }; matches: string[] }>;
}

function sortGroups<T extends { host: string | null; paths: string[] }>(groups: T[]): T[] {
  const key = (g: T) => `${g.host}\0${g.paths.join('\0')}`;
  return [...groups].sort((a, b) => key(a).localeCompare(key(b)));
}

describe('the retention preview is restic\u2019s forget --dry-run', () => {
  it('for random histories and policies', async () => {
    const random = rng(1606);
    for (let history = 0; history < 2; history++) {
      const repo = join(root, `repo-${history}`);
      const plans = Array.from({ length: 3 }, (_, i) => ({ name: `h${history}-p${i}`, policy: randomPolicy(random) }));
      restic(repo, ['init']);
      for (const plan of plans) await core.backups.add({ name: plan.name, repo, password, sources: [{ kind: 'folder', path: folders[0]! }], excludes: [], retention: plan.policy });
      // every snapshot carries every plan's tag, so each plan's policy sees the whole history
      const count = 7 + Math.floor(random() * 6);
      let time = Date.UTC(2024, 0, 1) + Math.floor(random() * 86_400_000);
      for (let i = 0; i < count; i++) {
        time += Math.floor(random() * (random() < 0.5 ? 6 * 3_600_000 : 40 * 86_400_000));
        const at = new Date(time).toISOString().slice(0, 19).replace('T', ' ');
        const tags = ['levqor', ...plans.map((p) => `levqor-plan-${p.name}`), ...(random() < 0.2 ? ['keep'] : [])];
        restic(repo, ['backup', '--quiet', '--time', at, '--host', random() < 0.7 ? 'alpha' : 'beta', ...tags.flatMap((t) => ['--tag', t]), folders[random() < 0.8 ? 0 : 1]!]);
      }
      for (const plan of plans) {
        const preview = await core.backups.forget(plan.name, true);
        const reference = JSON.parse(restic(repo, ['forget', '--dry-run', '--json', '--tag', `levqor-plan-${plan.name}`, ...flagsOf(plan.policy)])) as Group[];
        const said = `policy ${JSON.stringify(plan.policy)} over ${count} snapshots`;
        // restic orders its groups as Go iterates a map: compare them sorted
        expect(
          sortGroups(preview.groups.map((g) => ({ host: g.host, paths: g.paths, keep: g.keep.map((k) => [k.snapshot.id, k.reasons]), remove: g.remove.map((s) => s.id) }))),
          said,
        ).toEqual(
          sortGroups(reference.map((g) => ({
            host: g.host,
            paths: g.paths,
            keep: g.keep.map((k) => [k.id, g.reasons.find((r) => r.snapshot.tree === (k as unknown as { tree: string }).tree && r.snapshot.time === (k as unknown as { time: string }).time)!.matches]),
            remove: (g.remove ?? []).map((s) => s.id),
          }))),
        );
        expect(preview.operation).toBeNull();
      }
      // the dry runs removed nothing
      expect(JSON.parse(restic(repo, ['snapshots', '--json']))).toHaveLength(count);
    }
  }, 120_000);
});
