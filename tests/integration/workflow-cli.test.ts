import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { assertBuilt, levqor } from '../helpers/cli';
import { createCore } from '../../src-main/core';
import { chain } from '../helpers/workflows/documents';

beforeAll(assertBuilt);

const gated = chain(
  [
    { id: 'calc', type: 'transform', params: { expression: "{ 'total': 2 + 3 }" } },
    { id: 'gate', type: 'approval', params: { message: 'Ship it?' } },
    { id: 'say', type: 'log', params: { message: 'total is {{ steps.calc.output.total }}' } },
  ],
  { name: 'Ship check' },
);

function writeJson(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

describe('levqor workflow commands', () => {
  it('validate: exit 0 when valid; exit 2 with every problem by path under --json', () => {
    const dir = tempDir();
    expect(levqor(['--data-dir', dir, 'workflow', 'validate', writeJson(dir, 'ok.json', gated)]).code).toBe(0);
    const broken = {
      ...gated,
      nodes: [...gated.nodes, { id: 'calc', type: 'teleport', params: {} }],
      edges: [...gated.edges, { from: 'say', to: 'ghost' }],
    };
    const run = levqor(['--data-dir', dir, 'workflow', 'validate', writeJson(dir, 'bad.json', broken), '--json']);
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout) as { valid: boolean; errors: Array<{ path: string; message: string }> };
    expect(out.valid).toBe(false);
    const paths = out.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['nodes[3].id', 'nodes[3].type', 'edges[2].to']));
    expect(levqor(['--data-dir', dir, 'workflow', 'list', '--json']).stdout).toContain('"workflows":[]');
  });

  it('validate names each bad cron field by what was typed, as the editor does', () => {
    const dir = tempDir();
    const cron = { ...gated, trigger: { type: 'cron', expr: '0 25 * * mon-fry', timezone: 'UTC' } };
    const run = levqor(['--data-dir', dir, 'workflow', 'validate', writeJson(dir, 'cron.json', cron)]);
    expect(run.code).toBe(2);
    const said = run.stdout + run.stderr;
    expect(said).toContain('hour: `25` is out of range (0–23); day of week: `mon-fry` — `fry` is not a day name');
    expect(said).not.toContain('1-fry');
  });

  it('a missing or broken file is bad input (exit 2)', () => {
    const dir = tempDir();
    expect(levqor(['--data-dir', dir, 'workflow', 'validate', join(dir, 'nope.json')]).code).toBe(2);
    writeFileSync(join(dir, 'broken.json'), '{ nope');
    const run = levqor(['--data-dir', dir, 'workflow', 'import', join(dir, 'broken.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not valid JSON');
  });

  it('export prints a draft as written and notes on stderr that it is a draft', () => {
    const dir = tempDir();
    // drafts are saved by the editor; here through core on the same data dir
    const core = createCore({ dataDir: dir, logToFile: false, env: {} });
    const raw = { name: 'Half done', trigger: { type: 'manual' }, nodes: [{ id: 'x', type: 'no.such.step', params: {} }] };
    const { id } = core.workflows.save(undefined, raw, undefined, true);
    core.close();
    const out = levqor(['--data-dir', dir, 'workflow', 'export', id]);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(raw);
    expect(out.stderr).toContain(`workflow ${id} is a draft (1 problem)`);
  });

  it('import → run --wait parks at the approval → approve from the CLI → the run succeeds', () => {
    const dir = tempDir();
    const id = levqor(['--data-dir', dir, 'workflow', 'import', writeJson(dir, 'wf.json', gated)]).stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const run = levqor(['--data-dir', dir, 'workflow', 'run', id, '--wait', '--json']);
    expect(run.code).toBe(0);
    const started = JSON.parse(run.stdout);
    expect(started).toMatchObject({ status: 'waiting', steps: [{ id: 'calc', status: 'succeeded', attempts: 1 }, { id: 'gate', status: 'waiting' }] });

    const { approvals } = JSON.parse(levqor(['--data-dir', dir, 'approvals', 'list', '--json']).stdout);
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ status: 'pending', class: 'C', nodeId: 'gate', runId: started.runId });
    expect(levqor(['--data-dir', dir, 'approvals', 'approve', approvals[0].id, '--reason', 'looks right']).code).toBe(0);

    const shown = JSON.parse(levqor(['--data-dir', dir, 'runs', 'show', started.runId, '--json']).stdout);
    expect(shown.status).toBe('succeeded');
    expect(shown.approvals[0]).toMatchObject({ status: 'approved', reason: 'looks right', decidedBy: 'cli' });
    expect(shown.logs.map((l: { message: string }) => l.message)).toContain('total is 5');

    const stats = JSON.parse(levqor(['--data-dir', dir, 'workflow', 'stats', id, '--json']).stdout);
    expect(stats).toMatchObject({ runs: 1, succeeded: 1, successRate: 1, approvalsDecided: 1 });
    const exported = JSON.parse(levqor(['--data-dir', dir, 'workflow', 'export', id]).stdout);
    expect(exported.name).toBe('Ship check');
  });

  it('rejecting an approval ends the run as rejected: runs list and show say so, --status rejected finds it', () => {
    const dir = tempDir();
    const file = writeJson(dir, 'wf.json', gated);
    const started = JSON.parse(levqor(['--data-dir', dir, 'workflow', 'run', file, '--wait', '--json']).stdout);
    const { approvals } = JSON.parse(levqor(['--data-dir', dir, 'approvals', 'list', '--status', 'pending', '--json']).stdout);
    expect(levqor(['--data-dir', dir, 'approvals', 'reject', approvals[0].id, '--reason', 'not today']).code).toBe(0);
    const { runs } = JSON.parse(levqor(['--data-dir', dir, 'runs', 'list', '--json']).stdout);
    expect(runs[0]).toMatchObject({ id: started.runId, status: 'rejected', error: { code: 'APPROVAL_REJECTED' } });
    expect(levqor(['--data-dir', dir, 'runs', 'list']).stdout).toMatch(/rejected\s/);
    expect(JSON.parse(levqor(['--data-dir', dir, 'runs', 'list', '--status', 'rejected', '--json']).stdout).runs).toHaveLength(1);
    expect(JSON.parse(levqor(['--data-dir', dir, 'runs', 'list', '--status', 'failed', '--json']).stdout).runs).toHaveLength(0);
    expect(levqor(['--data-dir', dir, 'runs', 'show', started.runId]).stdout).toContain(`run ${started.runId}: rejected`);
    expect(levqor(['--data-dir', dir, 'runs', 'retry', 'no-such-run']).code).toBe(2);
  });

  it('run --input gives a manual run its input, checked against the trigger’s fields', () => {
    const dir = tempDir();
    const refund = chain([{ id: 'say', type: 'log', params: { message: 'Refund order {{ input.order }} for ${{ input.amount }}' } }], {
      name: 'Refund',
      trigger: { type: 'manual', input: { order: { type: 'text', required: true }, amount: { type: 'number', default: 0 } } },
    });
    const id = levqor(['--data-dir', dir, 'workflow', 'import', writeJson(dir, 'refund.json', refund)]).stdout.trim();
    const ok = levqor(['--data-dir', dir, 'workflow', 'run', id, '--input', '{"order":"A-1042","amount":12}', '--wait', '--json']);
    expect(ok.code).toBe(0);
    const shown = JSON.parse(levqor(['--data-dir', dir, 'runs', 'show', JSON.parse(ok.stdout).runId, '--json']).stdout);
    expect(shown.logs.map((l: { message: string }) => l.message)).toEqual(['Refund order A-1042 for $12']);
    const missing = levqor(['--data-dir', dir, 'workflow', 'run', id, '--input', '{"amount":12}', '--wait']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('input.order: is required');
    const broken = levqor(['--data-dir', dir, 'workflow', 'run', id, '--input', '{ order', '--wait']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('--input:');
  });

  it('run --dry-run records the approval gate as a dry run and finishes without asking; runs list marks it and filters by date', () => {
    const dir = tempDir();
    const id = levqor(['--data-dir', dir, 'workflow', 'import', writeJson(dir, 'wf.json', gated)]).stdout.trim();
    const run = levqor(['--data-dir', dir, 'workflow', 'run', id, '--wait', '--dry-run', '--json']);
    expect(run.code).toBe(0);
    const done = JSON.parse(run.stdout);
    expect(done).toMatchObject({ status: 'succeeded', steps: [{ id: 'calc', status: 'succeeded' }, { id: 'gate', status: 'succeeded' }, { id: 'say', status: 'succeeded' }] });
    expect(JSON.parse(levqor(['--data-dir', dir, 'approvals', 'list', '--json']).stdout).approvals).toEqual([]);
    const shown = JSON.parse(levqor(['--data-dir', dir, 'runs', 'show', done.runId, '--json']).stdout);
    expect(shown).toMatchObject({ dryRun: true });
    expect(shown.steps.find((s: { id: string }) => s.id === 'gate')).toMatchObject({ mode: 'dry-run', output: { dryRun: true, preview: { message: 'Ship it?' } } });
    expect(levqor(['--data-dir', dir, 'runs', 'list']).stdout).toContain('(dry run)');
    const today = new Date().toISOString().slice(0, 10);
    expect(JSON.parse(levqor(['--data-dir', dir, 'runs', 'list', '--from', today, '--json']).stdout).runs).toHaveLength(1);
    expect(JSON.parse(levqor(['--data-dir', dir, 'runs', 'list', '--to', today, '--json']).stdout).runs).toHaveLength(0);
    expect(levqor(['--data-dir', dir, 'runs', 'list', '--from', '2026-02-01', '--to', '2026-01-01']).code).toBe(2);

    const stats = JSON.parse(levqor(['--data-dir', dir, 'workflow', 'stats', id, '--timezone', 'Europe/Berlin', '--json']).stdout);
    expect(stats.timezone).toBe('Europe/Berlin');
    expect(stats.daily.reduce((n: number, d: { succeeded: number }) => n + d.succeeded, 0)).toBe(1);
    const bad = levqor(['--data-dir', dir, 'workflow', 'stats', id, '--timezone', 'Mars/Olympus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('timezone: "Mars/Olympus" is not an IANA timezone');
  });

  it('schedule preview lists the next fire times in the workflow timezone', () => {
    const dir = tempDir();
    const cron = { ...gated, trigger: { type: 'cron', expr: '0 9 * * 1-5', timezone: 'Europe/London', overlap: 'skip', catchUp: 'none', catchUpWindow: '24h' } };
    const id = levqor(['--data-dir', dir, 'workflow', 'import', writeJson(dir, 'cron.json', cron), '--disabled']).stdout.trim();
    const preview = JSON.parse(levqor(['--data-dir', dir, 'schedule', 'preview', id, '--count', '3', '--json']).stdout);
    expect(preview.times).toHaveLength(3);
    for (const t of preview.times) expect(new Date(t.at).getUTCDay()).not.toBe(0);
    expect(levqor(['--data-dir', dir, 'schedule', 'preview', id, '--count', 'many']).code).toBe(2);
  });
});
