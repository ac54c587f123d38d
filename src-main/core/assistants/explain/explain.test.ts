import { describe, expect, it } from 'vitest';
import type { Core } from '../..';
import { aiCorePerTest } from '../../../../tests/helpers/ai/ai-core-per-test';
import { chain } from '../../../../tests/helpers/workflows/documents';
import { CoreError } from '../../errors';

const t = aiCorePerTest();

const plantedHeader = 'plain-credential-7f3a9c';
const plantedEmail = 'ada@customer.example';

/** A stored workflow whose GET fails for good (404 from the fake server's unknown path). */
async function failedRun(): Promise<{ runId: string; workflowId: string; badUrl: string }> {
  const badUrl = `${t.server.url}/orders-typo`;
  const workflow = chain(
    [
      { id: 'fetch', type: 'http.request', params: { url: badUrl, headers: { 'X-Api-Key': plantedHeader, From: plantedEmail, Accept: 'application/json' } } },
      { id: 'say', type: 'log', params: { message: 'got {{ steps.fetch.output.status }}' } },
    ],
    { name: 'Fetch orders' },
  );
  const { id } = t.core.workflows.import(workflow);
  const run = await t.core.workflows.run({ id, wait: true });
  expect(run.status).toBe('failed');
  return { runId: run.runId, workflowId: id, badUrl };
}

/** The model calls only: the failing step's own GET reaches the same fake server. */
const modelCalls = () => t.server.requests.filter((r) => r.path === '/v1/chat/completions');
const sentToModel = () => modelCalls().map((r) => `${r.authorization ?? ''}\n${JSON.stringify(r.body)}`).join('\n');
const answer = (fix: unknown) => ({ kind: 'json' as const, value: { cause: 'The URL has a typo.', explanation: 'The server answered 404: there is no page at that address.', fix } });
const coreError = (fn: () => unknown): CoreError => {
  try {
    fn();
  } catch (err) {
    return err as CoreError;
  }
  throw new Error('expected a CoreError');
};
const rejection = async (p: Promise<unknown>): Promise<CoreError> => p.then(() => { throw new Error('expected a rejection'); }, (err: unknown) => err as CoreError);

describe('Explain this failure', () => {
  it('sends the graph and the failed step (secret-named values dropped, redacted) and answers with a checked fix', async () => {
    const { runId } = await failedRun();
    const goodUrl = `${t.server.url}/models`;
    t.server.reply(answer({ kind: 'param', stepId: 'fetch', param: 'url', value: goodUrl }));
    const explained = await t.core.explainAssistant.explain(runId);
    expect(explained).toEqual({ cause: 'The URL has a typo.', explanation: expect.stringContaining('404'), fix: { kind: 'param', stepId: 'fetch', param: 'url', value: goodUrl } });

    const sent = sentToModel();
    expect(modelCalls()).toHaveLength(1);
    expect(modelCalls()[0]!.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'explain_failure', strict: true } });
    expect(sent).toContain('orders-typo');
    expect(sent).toContain('HTTP');
    expect(sent).not.toContain(plantedHeader);
    expect(sent).not.toContain(plantedEmail);
    expect(sent).toContain('[dropped: holds a secret]');
    expect(sent).toContain('[email]');
    expect(t.core.ai.usage(1)[0]).toMatchObject({ feature: 'explain', outcome: 'ok' });
  });

  it('sends a fix the engine would refuse back to the model with the reason (a repair turn)', async () => {
    const { runId } = await failedRun();
    t.server.reply(answer({ kind: 'param', stepId: 'fetch', param: 'url', value: 'not a url' }), answer({ kind: 'retry' }));
    expect((await t.core.explainAssistant.explain(runId)).fix).toEqual({ kind: 'retry' });
    expect(modelCalls()).toHaveLength(2);
    expect(JSON.stringify(modelCalls()[1]!.body.messages)).toContain('fix: fix.value: would make fetch.params.url invalid: must be an http:// or https:// URL');
  });

  it('refuses a run that does not exist or did not fail, naming runId, and asks nothing', async () => {
    expect(await rejection(t.core.explainAssistant.explain('nope'))).toMatchObject({ code: 'NOT_FOUND', field: 'runId', message: 'runId: no run has id "nope"' });
    const ok = await t.core.workflows.run({ workflow: chain([{ id: 'note', type: 'log', params: { message: 'fine' } }]), wait: true });
    expect(await rejection(t.core.explainAssistant.explain(ok.runId))).toMatchObject({ code: 'BAD_INPUT', field: 'runId', message: expect.stringMatching(/did not fail \(it is succeeded\); only a failed run can be explained/) });
    expect(modelCalls()).toHaveLength(0);
  });

  it('without a key says so in one line and sends nothing', async () => {
    const { runId } = await failedRun();
    t.core.secrets.clear('openai.apiKey');
    expect(await rejection(t.core.explainAssistant.explain(runId))).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/^No AI key: set the secret openai\.apiKey/) });
    expect(modelCalls()).toHaveLength(0);
  });

  it('applies a param change to a new disabled workflow; the workflow that ran is untouched and nothing runs', async () => {
    const { runId, workflowId, badUrl } = await failedRun();
    const goodUrl = `${t.server.url}/models`;
    const runsBefore = t.core.runs.list({ limit: 50 }).length;
    const applied = t.core.explainAssistant.applyFix(runId, { kind: 'param', stepId: 'fetch', param: 'url', value: goodUrl });
    expect(applied.workflowId).not.toBe(workflowId);
    const draft = t.core.workflows.get(applied.workflowId);
    expect(draft).toMatchObject({ enabled: false, name: applied.name, workflow: { nodes: [{ id: 'fetch', params: { url: goodUrl, headers: { 'X-Api-Key': plantedHeader } } }, { id: 'say' }] } });
    expect(applied.name).toMatch(/^Fetch orders \(fix from run …/);
    expect(t.core.workflows.get(workflowId)).toMatchObject({ enabled: true, workflow: { nodes: [{ params: { url: badUrl } }, { id: 'say' }] } });
    expect(t.core.runs.list({ limit: 50 })).toHaveLength(runsBefore);
  });

  it('refuses a fix the step or the engine would refuse, naming the field, and saves nothing', async () => {
    const { runId } = await failedRun();
    const before = t.core.workflows.list().length;
    const cases: Array<[Parameters<Core['explainAssistant']['applyFix']>[1], string, RegExp]> = [
      [{ kind: 'param', stepId: 'ghost', param: 'url', value: 'https://x.example' }, 'fix.stepId', /no step "ghost" in the run's workflow \(steps: fetch, say\)/],
      [{ kind: 'param', stepId: 'fetch', param: 'colour', value: 'red' }, 'fix.param', /a http.request step has no param "colour"/],
      [{ kind: 'param', stepId: 'fetch', param: 'timeoutMs', value: -5 }, 'fix.value', /fetch.params.timeoutMs invalid: must be at least 1/],
      [{ kind: 'param', stepId: 'say', param: 'message', value: '{{ steps.fetch.output.( }}' }, 'fix', /the workflow would not be valid: nodes\[1\]\.params\.message/],
    ];
    for (const [fix, field, message] of cases) {
      const err = coreError(() => t.core.explainAssistant.applyFix(runId, fix));
      expect([field, err.code, err.field, err.message]).toEqual([field, 'BAD_INPUT', field, expect.stringMatching(message)]);
    }
    expect(t.core.workflows.list()).toHaveLength(before);
  });
});
