import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { levqorAsync } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { startFakeOpenAi, type FakeOpenAiServer } from '../helpers/ai/openai-server';
import { fakeKey } from '../helpers/ai/ai-core';
import { createCore } from '../../src-main/core';

let server: FakeOpenAiServer;
beforeEach(async () => {
  server = await startFakeOpenAi();
});
afterEach(async () => {
  await server.stop();
});

const siteCheck = {
  explanation: 'Checks the site at 9 on weekdays and tells you when it is down.',
  workflow: {
    name: 'Site check',
    description: '',
    trigger: { type: 'cron', optionsJson: '{"expr":"0 9 * * 1-5"}' },
    nodes: [
      { id: 'check', type: 'http.request', name: '', paramsJson: '{"url":"https://shop.example"}' },
      { id: 'tell', type: 'notify.founder', name: '', paramsJson: '{"title":"Checked"}' },
    ],
    edges: [{ from: 'check', fromPort: null, to: 'tell' }],
  },
};

describe('levqor ai workflow', () => {
  it('prints the explanation and the document; --save-draft saves it disabled and prints its id; --workflow prints the diff', async () => {
    const dataDir = tempDir();
    const env = { LEVQOR_AI_BASE_URL: server.url, OPENAI_API_KEY: fakeKey };
    server.reply({ kind: 'json', value: siteCheck });
    const shown = await levqorAsync(['--data-dir', dataDir, 'ai', 'workflow', 'every weekday at 9, check the site'], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Checks the site at 9 on weekdays and tells you when it is down\.\n\n\{\n {2}"name": "Site check"/);
    expect(shown.stdout).toContain('Nothing saved: add --save-draft to save it as a disabled draft.');

    server.reply({ kind: 'json', value: siteCheck });
    const saved = await levqorAsync(['--data-dir', dataDir, 'ai', 'workflow', 'every weekday at 9, check the site', '--save-draft', '--json'], env);
    expect(saved.code).toBe(0);
    const out = JSON.parse(saved.stdout);
    expect(out).toMatchObject({ explanation: siteCheck.explanation, problems: [], document: { name: 'Site check' }, saved: { name: 'Site check', enabled: false, draft: false } });

    server.reply({ kind: 'json', value: { ...siteCheck, workflow: { ...siteCheck.workflow, nodes: [siteCheck.workflow.nodes[0], { ...siteCheck.workflow.nodes[1], paramsJson: '{"title":"Down"}' }] } } });
    const change = await levqorAsync(['--data-dir', dataDir, 'ai', 'workflow', 'say Down', '--workflow', out.saved.id, '--save-draft'], env);
    expect(change.code).toBe(0);
    expect(change.stdout).toContain('Changes:\n~ step tell (notify.founder)\n    title: "Checked" → "Down"\n');
    expect(change.stdout).toContain(`Saved "Site check" as a disabled draft: ${out.saved.id} (v2).`);
    const core = createCore({ dataDir, logToFile: false });
    try {
      expect(core.workflows.list()).toEqual([expect.objectContaining({ id: out.saved.id, enabled: false, version: 2 })]);
    } finally {
      core.close();
    }
  });

  it('without a key: one line naming the secret and the editor; nothing saved', async () => {
    const dataDir = tempDir();
    const noKey = await levqorAsync(['--data-dir', dataDir, 'ai', 'workflow', 'check my site', '--save-draft'], { LEVQOR_AI_BASE_URL: server.url, OPENAI_API_KEY: '' });
    expect({ failed: noKey.code !== 0, stdout: noKey.stdout, stderr: noKey.stderr }).toEqual({
      failed: true,
      stdout: '',
      stderr: 'levqor: No AI key: set the secret openai.apiKey (levqor secrets set openai.apiKey, or OPENAI_API_KEY). Without the model, start from a template (Workflows → From a template…, or levqor templates) or build the workflow in the editor (Workflows → New workflow).\n',
    });
    expect(server.requests).toHaveLength(0);
    const core = createCore({ dataDir, logToFile: false });
    try {
      expect(core.workflows.list()).toEqual([]);
    } finally {
      core.close();
    }
  });
});
