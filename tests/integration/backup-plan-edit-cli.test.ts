import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqor } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

beforeAll(assertBuilt);

/** A data dir with one plan `business` (app data and a folder, on a local repository) made by `plan add`. */
function withPlan() {
  const root = tempDir('levqor-plan-edit-');
  const folder = join(root, 'documents');
  mkdirSync(folder);
  const run = (args: string[], input?: string) => levqor(['--data-dir', join(root, 'data'), ...args], { env: { LEVQOR_SECRET_KEY: 'd'.repeat(64) }, ...(input !== undefined ? { input } : {}) });
  const added = run(['backup', 'plan', 'add', 'business', '--repo', join(root, 'repo'), '--source', 'app', '--schedule', '0 3 * * *', '--timezone', 'UTC', '--keep-daily', '7', '--json'], 'plan-edit-password\n');
  expect(added, added.stderr).toMatchObject({ code: 0 });
  const edit = (...args: string[]) => run(['backup', 'plan', 'edit', 'business', ...args]);
  const show = () => JSON.parse(run(['backup', 'plan', 'show', 'business', '--json']).stdout);
  return { root, folder, run, edit, show, before: JSON.parse(added.stdout) };
}

describe('levqor backup plan edit', () => {
  it('changes what it is given (schedule, timezone, retention, check, client, folders, run policy) and keeps the rest; --no-… takes a value away', () => {
    const { folder, edit, show, before } = withPlan();
    expect(before.runPolicy).toEqual({ retries: 2, retryDelayMs: 60_000, overlap: 'skip', catchUp: 'latest', checkTimeoutMs: 43_200_000 });

    const changed = edit('--schedule', '30 2 * * *', '--timezone', 'Europe/London', '--keep-last', '3', '--keep-weekly', '4', '--check-schedule', '0 5 * * 0', '--client', 'Acme', '--client-email', 'ops@acme.test', '--source', 'app', '--source', folder, '--exclude', '*.tmp', '--retries', '4', '--retry-delay', '30s', '--overlap', 'queue', '--catch-up', 'none', '--check-timeout', '2h', '--json');
    expect(changed, changed.stderr).toMatchObject({ code: 0 });
    expect(JSON.parse(changed.stdout)).toMatchObject({
      name: 'business',
      repo: before.repo,
      passwordSet: true,
      schedule: { cron: '30 2 * * *', timezone: 'Europe/London' },
      retention: { keepLast: 3, keepWeekly: 4 },
      check: { schedule: { cron: '0 5 * * 0', timezone: 'Europe/London' } },
      owner: { kind: 'client', name: 'Acme', email: 'ops@acme.test' },
      sources: [{ kind: 'app' }, { kind: 'folder', path: folder }],
      excludes: ['*.tmp'],
      runPolicy: { retries: 4, retryDelayMs: 30_000, overlap: 'queue', catchUp: 'none', checkTimeoutMs: 7_200_000 },
    });
    expect(JSON.parse(changed.stdout).retention).not.toHaveProperty('keepDaily');

    const text = edit('--no-schedule', '--no-client', '--keep-all');
    expect(text, text.stderr).toMatchObject({ code: 0 });
    expect(text.stdout).toMatch(/Changed backup plan business\.[\s\S]*Schedule\s+by hand only[\s\S]*Retries\s+4, the first after 30s[\s\S]*Overlap\s+queue[\s\S]*Keep\s+every snapshot[\s\S]*Check timeout\s+2h/);
    expect(show()).toMatchObject({ schedule: null, owner: { kind: 'own' }, retention: {}, check: { schedule: { cron: '0 5 * * 0' } }, excludes: ['*.tmp'] });
  });

  it('refuses bad input with exit 2 naming the option, as plan add does, and changes nothing', () => {
    const { root, edit, show, run, before } = withPlan();
    const refused = (args: string[], words: string) => expect(edit(...args)).toMatchObject({ code: 2, stderr: expect.stringContaining(words) });
    refused(['--schedule', '0 0 31 2 *'], '--schedule: never fires');
    refused(['--timezone', 'Mars/Olympus'], '--timezone: "Mars/Olympus" is not an IANA timezone');
    refused(['--keep-daily', '0'], '--keep-daily: must be at least 1');
    refused(['--keep-within', 'forever'], '--keep-within: must be a duration');
    refused(['--source', join(root, 'missing')], '--source (the 1st): ');
    refused(['--retries', 'many'], '--retries: must be a number of tries');
    refused(['--retries', '11'], '--retries: must be at most 10');
    refused(['--retry-delay', 'soon'], '--retry-delay: must be a duration');
    refused(['--overlap', 'pile-up'], '--overlap: must be skip or queue');
    refused(['--catch-up', 'all'], '--catch-up: must be latest or none');
    refused(['--check-timeout', '10s'], '--check-timeout: must be between 1m and 7d');
    refused(['--repo', join(root, 'elsewhere')], '--repo: a plan keeps its repository and its password');
    refused(['--schedule', '0 1 * * *', '--no-schedule'], '--no-schedule: give --schedule or --no-schedule, not both');
    refused([], 'nothing to change');
    expect(run(['backup', 'plan', 'edit', 'nothing', '--retries', '1'])).toMatchObject({ code: 2, stderr: expect.stringContaining('PLAN: there is no backup plan called nothing') });
    expect(show()).toEqual(before);
  });
});
