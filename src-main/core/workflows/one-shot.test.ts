import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '..';
import { wf } from '../../../tests/helpers/workflows/documents';

let core: Core | undefined;
let dir: string;
afterEach(() => {
  core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('one-shot use (CLI commands)', () => {
  it('createCore starts nothing, and a run that parks leaves no timer keeping the process alive', async () => {
    dir = mkdtempSync(join(tmpdir(), 'levqor-oneshot-'));
    const before = timers();
    core = createCore({ dataDir: dir, logToFile: false, env: { LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_SECRET_KEY: 'b'.repeat(64) } });
    expect(timers()).toBe(before);
    const gated = await core.workflows.run({ workflow: wf([{ id: 'g', type: 'approval', params: { message: 'ok?' }, approval: { timeout: '24h' } }]), wait: true });
    expect(gated.status).toBe('waiting');
    const delayed = await core.workflows.run({ workflow: wf([{ id: 'd', type: 'delay', params: { duration: '1h' } }]) });
    await core.engine.drain();
    expect(core.runs.get(delayed.runId).status).toBe('waiting');
    expect(timers()).toBe(before);
  });
});
