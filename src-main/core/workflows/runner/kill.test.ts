import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../..';
import { wf } from '../../../../tests/helpers/workflows/documents';
import { CountingServer } from '../../../../tests/helpers/workflows/http-server';

let dir: string;
let server: CountingServer;
let core: Core | undefined;
afterEach(async () => {
  core?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 mid-step (a real second process)', () => {
  it('the next process resumes the run at once, re-running only the cut-off step with the same key', async () => {
    dir = mkdtempSync(join(tmpdir(), 'levqor-kill-'));
    const parked: ServerResponse[] = [];
    server = await new CountingServer().start();
    server.route('/slow', (_hit, res) => void parked.push(res));
    server.route('/fast', (_hit, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    const doc = wf(
      [
        { id: 'first', type: 'http.request', params: { method: 'POST', url: `${server.url}/fast` } },
        { id: 'second', type: 'http.request', params: { method: 'POST', url: `${server.url}/slow` } },
        { id: 'third', type: 'log', params: { message: 'done' } },
      ],
      [
        { from: 'first', to: 'second' },
        { from: 'second', to: 'third' },
      ],
    );
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../../../tests/helpers/workflows/child-run.ts'), dir, JSON.stringify(doc)], { stdio: 'ignore' });
    const deadline = Date.now() + 20_000;
    while (parked.length === 0) {
      if (Date.now() > deadline) throw new Error('the child never reached the slow step');
      await new Promise((r) => setTimeout(r, 10));
    }
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    parked[0]?.destroy();

    core = createCore({ dataDir: dir, logToFile: false, env: { LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_SECRET_KEY: 'c'.repeat(64) } });
    const [interrupted] = core.runs.list({ limit: 5 });
    expect(interrupted?.status).toBe('running');
    server.route('/slow', (_hit, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":"again"}');
    });
    const resumed = await core.runs.resume(true);
    expect(resumed).toEqual([expect.objectContaining({ runId: interrupted!.id, status: 'succeeded' })]);
    const key = (node: string) => `${interrupted!.id}:${node}`;
    expect(server.hitsOn('/fast').map((h) => h.key)).toEqual([key('first')]);
    expect(server.hitsOn('/slow').map((h) => h.key)).toEqual([key('second'), key('second')]);
    expect(core.runs.get(interrupted!.id).logs.map((l) => l.message)).toEqual(['done']);
  }, 60_000);
});
