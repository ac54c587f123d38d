import { describe, expect, it } from 'vitest';
import { aiCorePerTest } from '../../../../tests/helpers/ai/ai-core-per-test';
import { createPack, siteUrl } from '../../../../tests/helpers/content';
import { wf } from '../../../../tests/helpers/workflows/documents';

const t = aiCorePerTest({ env: { LEVQOR_CONTENT_SITE_URL: siteUrl } });
const step = (params: Record<string, unknown>) => ({ id: 'content', type: 'content.generate', params });

describe('content.generate: a seed → the six assets inside a workflow', () => {
  it('writes the set with the template engine, saves it in the history and outputs { setId, assets }', async () => {
    createPack(t.core);
    const run = await t.core.workflows.run({ workflow: wf([step({ seed: '{{ input.idea }}', product: 'automation-accelerator-pack' })]), input: { idea: 'Never miss a failed payment again.' }, wait: true });
    expect(run.status).toBe('succeeded');
    const output = run.output as { setId: string; assets: Array<{ kind: string }> };
    expect(output.assets.map((a) => a.kind)).toEqual(['video-script', 'x-thread', 'linkedin-post', 'email', 'instagram-carousel', 'mini-article']);
    expect(t.core.content.list('automation-accelerator-pack', 5).map((s) => s.id)).toEqual([output.setId]);
  });

  it('fails without retrying on an unknown product, naming the field, and saves nothing', async () => {
    const run = await t.core.workflows.run({ workflow: wf([{ ...step({ seed: 'An idea', product: 'no-such-pack' }), retry: { maxAttempts: 3, backoff: 'fixed', initialMs: 10, maxMs: 10, jitter: false } }]), wait: true });
    expect(run).toMatchObject({ status: 'failed', error: { code: 'BAD_INPUT', message: 'product: no valid product has slug "no-such-pack" (levqor product list)' } });
    expect(t.core.runs.get(run.runId).steps[0]!.attempts).toBe(1);
    expect(t.core.content.list(undefined, 5)).toEqual([]);
  });

  it('refuses an empty seed and an unknown engine at validation, naming the param', () => {
    const problems = t.core.workflows.validate(wf([step({ seed: '', product: 'p', engine: 'gpt' })])).errors.map((p) => p.path);
    expect(problems).toEqual(['nodes[0].params.seed', 'nodes[0].params.engine']);
  });
});
