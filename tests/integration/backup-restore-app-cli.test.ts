import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqor, levqorChild } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

beforeAll(assertBuilt);

// levqor backup restore PLAN SNAPSHOT --app: the request, then the CLI process that approves it
// holds the data and restores it (no levqor serve or desktop app runs on the data dir here).

function setup() {
  const root = tempDir('levqor-restore-app-cli-');
  const data = join(root, 'data');
  const run = (args: string[], input?: string) => levqor(['--data-dir', data, ...args], { env: { LEVQOR_SECRET_KEY: 'd'.repeat(64) }, ...(input !== undefined ? { input } : {}) });
  const json = (args: string[]) => {
    const r = run([...args, '--json']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    return JSON.parse(r.stdout);
  };
  const importFlow = (name: string) => {
    const file = join(root, `${name}.json`);
    writeFileSync(file, JSON.stringify({ name, trigger: { type: 'manual' }, nodes: [{ id: 't', type: 'transform', params: { expression: '{"ok": true}' } }], edges: [] }));
    json(['workflow', 'import', file]);
  };
  const flows = () => (json(['workflow', 'list']).workflows as Array<{ name: string }>).map((w) => w.name).sort();
  return { root, data, run, json, importFlow, flows };
}

describe('levqor backup restore --app', () => {
  it('asks a Class C approval and changes nothing; approvals approve restores the snapshot, keeps the live data as a pre-restore snapshot, and the history says so', () => {
    const { root, run, json, importFlow, flows } = setup();
    expect(run(['backup', 'plan', 'add', 'levqor', '--repo', join(root, 'repo'), '--source', 'app'], 'pw-cli-restore\n')).toMatchObject({ code: 0 });
    importFlow('Before');
    const backup = json(['backup', 'run', 'levqor', '--wait']);
    importFlow('After');

    const asked = run(['backup', 'restore', 'levqor', backup.snapshotId, '--app']);
    expect(asked, asked.stderr).toMatchObject({ code: 0 });
    const id = /^Approval (\S+) requested \(class C\)/.exec(asked.stdout)?.[1];
    expect(asked.stdout).toContain(`approve it with: levqor approvals approve ${id}`);
    expect(flows()).toEqual(['After', 'Before']);
    expect(json(['approvals', 'list', '--status', 'pending']).approvals).toMatchObject([{ id, class: 'C', subject: { kind: 'backup.restoreApp' } }]);

    const approved = run(['approvals', 'approve', id!]);
    expect(approved, approved.stderr).toMatchObject({ code: 0 });
    expect(approved.stdout).toMatch(new RegExp(`approval ${id}: approved → restored snapshot ${backup.snapshotId} of levqor \\(schema \\d+ → \\d+\\); the data that was live is kept as snapshot [0-9a-f]{8}`));
    expect(flows()).toEqual(['Before']);
    const history = json(['backup', 'history', 'levqor']).operations as Array<{ kind: string; status: string; snapshotId: string | null }>;
    expect(history.slice(0, 2)).toMatchObject([
      { kind: 'backup', status: 'succeeded' },
      { kind: 'restore', status: 'succeeded', snapshotId: backup.snapshotId },
    ]);
    expect(json(['approvals', 'list']).approvals.find((a: { id: string }) => a.id === id)).toMatchObject({ status: 'approved', outcome: { ok: true } });
   }, 120_000);

  it('refuses --app with --target or --include (exit 2, naming the flag), and an unknown snapshot naming the snapshot, and asks nothing', () => {
    const { root, run, json } = setup();
    expect(run(['backup', 'plan', 'add', 'levqor', '--repo', join(root, 'repo'), '--source', 'app'], 'pw-cli-restore\n')).toMatchObject({ code: 0 });
    expect(run(['backup', 'restore', 'levqor', 'deadbeef', '--app', '--target', join(root, 'out')])).toMatchObject({ code: 2, stderr: expect.stringContaining('--app: cannot be used with --target') });
    expect(run(['backup', 'restore', 'levqor', 'deadbeef', '--app', '--include', '/x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--app: cannot be used with --include') });
    expect(run(['backup', 'restore', 'levqor', 'deadbeef'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--target: is required') });
    expect(run(['backup', 'restore', 'levqor', 'deadbeef', '--app'])).toMatchObject({ code: 2, stderr: expect.stringContaining('snapshot: the plan levqor has no snapshot deadbeef') });
    expect(json(['approvals', 'list']).approvals).toEqual([]);
   }, 60_000);

  it('with levqor serve running on the data: the CLI refuses to approve (approve it in the running app); approved through the server, it restarts its core on the same port', async () => {
    const { root, data, run, json, importFlow, flows } = setup();
    expect(run(['backup', 'plan', 'add', 'levqor', '--repo', join(root, 'repo'), '--source', 'app'], 'pw-cli-restore\n')).toMatchObject({ code: 0 });
    importFlow('Before');
    const backup = json(['backup', 'run', 'levqor', '--wait']);
    importFlow('After');

    const serve = levqorChild(['--data-dir', data, 'serve', '--port', '0', '--json'], { LEVQOR_SECRET_KEY: 'd'.repeat(64) });
    try {
      const started = await new Promise<{ url: string; token: string }>((resolve, reject) => {
        let out = '';
        serve.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
        });
        serve.once('exit', (code) => reject(new Error(`levqor serve exited (${code})`)));
      });
      const api = async (procedure: string, input: unknown) => {
        const res = await fetch(`${started.url}api/${procedure}`, { method: 'POST', headers: { authorization: `Bearer ${started.token}`, 'content-type': 'application/json' }, body: JSON.stringify(input) });
        return { status: res.status, body: await res.json() };
      };

      const asked = run(['backup', 'restore', 'levqor', backup.snapshotId, '--app']);
      const id = /^Approval (\S+) requested/.exec(asked.stdout)?.[1];
      expect(asked.stdout).toContain(`approve it in the running app (levqor serve, pid ${serve.pid})`);
      const refused = run(['approvals', 'approve', id!]);
      expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining(`the app\u2019s data is open in levqor serve (pid ${serve.pid}): approve this restore in the running app`) });
      expect(flows()).toEqual(['After', 'Before']);

      expect(await api('approvals.approve', { id })).toMatchObject({ status: 200, body: { status: 'approved' } });
      await expect
        .poll(async () => (await api('approvals.list', { kind: 'backup.restoreApp' }).catch(() => undefined))?.body.approvals?.[0]?.outcome?.message ?? '', { timeout: 60_000, interval: 300 })
        .toMatch(new RegExp(`^restored snapshot ${backup.snapshotId} of levqor`));
      expect((await api('workflows.list', {})).body.workflows.map((w: { name: string }) => w.name)).toEqual(['Before']);
    } finally {
      serve.kill('SIGTERM');
      await new Promise((r) => serve.once('exit', r));
    }
    // serve let go of the data dir: a CLI process may approve restores again
    expect(run(['backup', 'restore', 'levqor', backup.snapshotId, '--app']).stdout).toContain('approve it with: levqor approvals approve');
  }, 120_000);
});
