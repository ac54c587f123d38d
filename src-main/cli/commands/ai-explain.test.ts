import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeKey, quickAiTuning } from '../../../tests/helpers/ai/ai-core';
import { startFakeOpenAi, type FakeOpenAiServer } from '../../../tests/helpers/ai/openai-server';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { levqorInProcess } from '../../../tests/helpers/cli-in-process';
import { createCore } from '../../core';

let server: FakeOpenAiServer;
let env: Record<string, string>;
beforeEach(async () => {
  server = await startFakeOpenAi();
  env = { LEVQOR_SECRET_KEY: 'e'.repeat(64), LEVQOR_AI_BASE_URL: server.url };
});
afterEach(() => server.stop());

const levqor = (dataDir: string, ...argv: string[]) => levqorInProcess(dataDir, env, argv);

/** A data dir with the key set and one run that failed (a GET answered 404). */
async function seededFailure(): Promise<{ dataDir: string; runId: string }> {
  const dataDir = tempDir();
  const seed = createCore({ dataDir, env, logToFile: false, aiTuning: quickAiTuning });
  seed.secrets.set('openai.apiKey', fakeKey);
  const run = await seed.workflows.run({ workflow: { name: 'Fetch', trigger: { type: 'manual' }, nodes: [{ id: 'fetch', type: 'http.request', params: { url: `${server.url}/gone` } }], edges: [] }, wait: true });
  seed.close();
  return { dataDir, runId: run.runId };
}

describe('levqor ai explain RUN_ID', () => {
  it('prints the cause, the explanation and how to act on the fix; --json gives the procedure\u2019s answer', async () => {
    const { dataDir, runId } = await seededFailure();
    const reply = { cause: 'The server was down.', explanation: 'It answered 404 for a while.', fix: { kind: 'retry' } };
    server.reply({ kind: 'json', value: reply }, { kind: 'json', value: reply });
    const text = await levqor(dataDir, 'ai', 'explain', runId);
    expect(text).toMatchObject({ code: 0, stdout: `Cause: The server was down.\n\nIt answered 404 for a while.\n\nFix: retry the run: levqor runs retry ${runId}\n` });
    const json = await levqor(dataDir, 'ai', 'explain', runId, '--json');
    expect(JSON.parse(json.stdout)).toEqual(reply);
  });

  it('a run that does not exist fails naming runId', async () => {
    const r = await levqor(tempDir(), 'ai', 'explain', 'no-such-run');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('runId: no run has id "no-such-run"');
  });
});
