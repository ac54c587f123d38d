import { describe, expect, it } from 'vitest';
import { aiCorePerTest } from '../../../../tests/helpers/ai/ai-core-per-test';
import { chain, wf } from '../../../../tests/helpers/workflows/documents';
import { classWhenSentOf } from '../../../../shared/sent-output';
import { stepClassOf } from '../../../../shared/step-class';

const t = aiCorePerTest({ env: { LEVQOR_LAUNCH_STAGE: 'pre-launch' } });

const generate = (params: Record<string, unknown>) => ({ id: 'gen', type: 'ai.generate', params });
const promptSent = (i: number) => (t.server.requests[i]!.body.messages as Array<{ role: string; content: string }>).at(-1)!.content;

describe('ai.generate: a prompt → text or JSON through core.ai', () => {
  it('fills the prompt\u2019s templates, asks the model as feature generate and outputs { text }', async () => {
    t.server.reply({ kind: 'text', text: 'Thank you, Ada!' });
    const run = await t.core.workflows.run({ workflow: wf([generate({ prompt: 'Thank {{ input.name }} for the order' })]), input: { name: 'Ada' }, wait: true });
    expect(run).toMatchObject({ status: 'succeeded', output: { text: 'Thank you, Ada!' } });
    expect(promptSent(0)).toBe('Thank Ada for the order');
    expect(t.core.ai.usage(5)[0]).toMatchObject({ feature: 'generate', outcome: 'ok' });
  });

  it('with a JSON Schema: asks with response_format json_schema, checks the answer, repairs a wrong one and outputs { json }', async () => {
    const schema = { type: 'object', properties: { subject: { type: 'string' } }, required: ['subject'], additionalProperties: false };
    t.server.reply({ kind: 'json', value: { title: 'wrong field' } }, { kind: 'json', value: { subject: 'Welcome aboard' } });
    const run = await t.core.workflows.run({ workflow: wf([generate({ prompt: 'A subject line', schema })]), wait: true });
    expect(run).toMatchObject({ status: 'succeeded', output: { json: { subject: 'Welcome aboard' } } });
    expect(t.server.requests[0]!.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'ai_generate_answer', strict: true, schema: { required: ['subject'] } } });
    expect(t.server.requests).toHaveLength(2);
  });

  it('refuses a missing prompt and a schema it cannot read at validation, naming the param', () => {
    const problems = t.core.workflows.validate(wf([generate({ prompt: '', schema: { type: 'nonsense' } })])).errors.map((p) => p.path);
    expect(problems).toEqual(['nodes[0].params.prompt', 'nodes[0].params.schema']);
  });

  it('without a key the step fails with the model layer\u2019s one line, not retried, and nothing is sent', async () => {
    t.core.secrets.clear('openai.apiKey');
    const run = await t.core.workflows.run({ workflow: wf([{ ...generate({ prompt: 'Hello' }), retry: { maxAttempts: 3, backoff: 'fixed', initialMs: 10, maxMs: 10, jitter: false } }]), wait: true });
    expect(run).toMatchObject({ status: 'failed', error: { code: 'AI_UNAVAILABLE', message: expect.stringMatching(/^No AI key: set the secret openai\.apiKey/) } });
    expect(t.core.runs.get(run.runId).steps[0]!.attempts).toBe(1);
    expect(t.server.requests).toHaveLength(0);
  });
});

describe('ai.generate\u2019s class: A on its own, B once its output is sent', () => {
  const post = (body: string) => ({ id: 'send', type: 'http.request', params: { method: 'POST', url: 'https://hooks.example/x', body } });
  const get = (url: string) => ({ id: 'send', type: 'http.request', params: { url } });

  it('is A alone or feeding only Class A steps; B when a Class B step or notify.founder uses its output, directly or through a transform', async () => {
    const cases: Array<[string, ReturnType<typeof wf>, 'A' | 'B']> = [
      ['alone', wf([generate({ prompt: 'hi' })]), 'A'],
      ['read by a GET', chain([generate({ prompt: 'hi' }), get('https://x.example/?q={{ steps.gen.output.text }}')]), 'A'],
      ['logged', chain([generate({ prompt: 'hi' }), { id: 'note', type: 'log', params: { message: '{{ steps.gen.output.text }}' } }]), 'A'],
      ['posted', chain([generate({ prompt: 'hi' }), post('{{ steps.gen.output.text }}')]), 'B'],
      ['sent to the founder', chain([generate({ prompt: 'hi' }), { id: 'tell', type: 'notify.founder', params: { title: 'Draft', body: '{{ steps.gen.output.text }}' } }]), 'B'],
      ['posted through a transform', chain([generate({ prompt: 'hi' }), { id: 'shape', type: 'transform', params: { expression: "{ 'msg': steps.gen.output.text }" } }, post('{{ steps.shape.output.msg }}')]), 'B'],
      ['an unrelated step posts', chain([generate({ prompt: 'hi' }), post('fixed text')]), 'A'],
    ];
    for (const [name, workflow, expected] of cases) {
      const { id } = t.core.workflows.import({ ...workflow, name });
      const classB = t.core.engine.workflows.classBSteps().filter((s) => s.workflowId === id && s.nodeId === 'gen');
      expect([name, classB.length === 1 ? 'B' : 'A']).toEqual([name, expected]);
    }
  });

  it('the editor reads the same rule from workflows.stepTypes (classWhenSent, sendsOut) as the registry', () => {
    const types = t.core.workflows.stepTypes();
    const info = (type: string) => types.find((s) => s.type === type);
    expect(info('ai.generate')).toMatchObject({ class: 'A', classWhenSent: 'B' });
    expect(info('notify.founder')).toMatchObject({ class: 'A', sendsOut: true });
    const registry = t.core.engine.registry;
    for (const nodes of [[generate({ prompt: 'hi' }), post('{{ steps.gen.output.text }}')], [generate({ prompt: 'hi' }), get('https://x.example/{{ steps.gen.output.text }}')]]) {
      const editor = classWhenSentOf(stepClassOf(info('ai.generate')!, nodes[0]!.params), info('ai.generate')!, 'gen', nodes, info);
      expect(editor).toBe(registry.classInWorkflow(registry.get('ai.generate')!, nodes[0]!.params, { id: 'gen' }, nodes));
    }
  });

  it('the runner applies it: before launch a posted answer is not even asked for (a dry run), a logged one is', async () => {
    t.server.reply({ kind: 'text', text: 'kept inside' });
    const logged = await t.core.workflows.run({ workflow: chain([generate({ prompt: 'hi' }), { id: 'note', type: 'log', params: { message: '{{ steps.gen.output.text }}' } }]), wait: true });
    expect(t.core.runs.get(logged.runId).steps[0]).toMatchObject({ id: 'gen', class: 'A', mode: 'real', output: { text: 'kept inside' } });
    const posted = await t.core.workflows.run({ workflow: chain([generate({ prompt: 'hi' }), post('{{ steps.gen.output.text }}')]), dryRun: true, wait: true });
    expect(t.core.runs.get(posted.runId).steps[0]).toMatchObject({ id: 'gen', class: 'B', mode: 'dry-run', output: { dryRun: true, preview: { feature: 'generate', prompt: 'hi' } } });
    expect(t.server.requests).toHaveLength(1);
  });
});
