import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAiServer } from '../../../../tests/helpers/ai/openai-server';
import { aiCore } from '../../../../tests/helpers/ai/ai-core';
import { dispatcherCall } from '../../../../tests/helpers/dispatcher-call';
import { createDispatcher } from '../../../api/dispatcher';
import type { Core } from '../..';
import { StepRegistry } from '../../workflows/registry';
import { builtInSteps } from '../../workflows/steps';
import { notifyFounderStep } from '../../workflows/steps/notify-founder';
import { workflowAnswerSchema } from './answer-schema';
import { responseJsonSchema } from '../../ai';
import { triggerTypes } from './trigger-catalogue';

const sentence = 'every weekday at 9, check the site and tell me on Telegram if it\u2019s down';

/** The model's answer as the json_schema asks for it: params as JSON text. */
function answer(nodes: Array<{ id: string; type: string; params: unknown }>, edges: Array<{ from: string; fromPort?: string; to: string }>, trigger: { type: string; options: unknown } = { type: 'cron', options: { expr: '0 9 * * 1-5', timezone: 'Europe/London' } }) {
  return {
    explanation: 'Checks the site at 9 on weekdays and tells you when it is down.',
    workflow: {
      name: 'Site check',
      description: '',
      trigger: { type: trigger.type, optionsJson: JSON.stringify(trigger.options) },
      nodes: nodes.map((n) => ({ id: n.id, type: n.type, name: '', paramsJson: JSON.stringify(n.params) })),
      edges: edges.map((e) => ({ from: e.from, fromPort: e.fromPort ?? null, to: e.to })),
    },
  };
}

const siteCheck = answer(
  [
    { id: 'check', type: 'http.request', params: { url: 'https://shop.example' } },
    { id: 'down', type: 'condition', params: { expression: 'steps.check.output.status >= 400' } },
    { id: 'tell', type: 'notify.founder', params: { title: 'The site is down', level: 'error' } },
  ],
  [
    { from: 'check', to: 'down' },
    { from: 'down', fromPort: 'true', to: 'tell' },
  ],
);

let server: FakeOpenAiServer;
let core: Core;
let call: ReturnType<typeof dispatcherCall>;
beforeEach(async () => {
  server = await startFakeOpenAi();
  core = aiCore(server);
  call = dispatcherCall(createDispatcher(core));
});
afterEach(async () => {
  core.close();
  await server.stop();
});

const sentMessages = (i: number) => server.requests[i]!.body.messages as Array<{ role: string; content: string }>;

describe('the workflow assistant (ai.workflow)', () => {
  it('turns a sentence into a document the engine\u2019s validator accepts, saves nothing, and it saves as a disabled workflow', async () => {
    server.reply({ kind: 'json', value: siteCheck });
    const out = (await call('ai.workflow', { text: sentence })) as { document: Record<string, unknown>; explanation: string; problems: unknown[]; diff?: unknown };
    expect(out.explanation).toBe('Checks the site at 9 on weekdays and tells you when it is down.');
    expect(out.problems).toEqual([]);
    expect(out.diff).toBeUndefined();
    expect(out.document).toMatchObject({ name: 'Site check', trigger: { type: 'cron', expr: '0 9 * * 1-5', timezone: 'Europe/London' }, edges: [{ from: 'check', to: 'down' }, { from: 'down', fromPort: 'true', to: 'tell' }] });
    expect((out.document.nodes as Array<{ position: unknown }>).map((n) => n.position)).toEqual([{ x: 0, y: 0 }, { x: 280, y: 0 }, { x: 560, y: 0 }]);
    expect(core.workflows.validate(out.document).valid).toBe(true);
    expect(core.workflows.list()).toEqual([]);
    expect(sentMessages(0).at(-1)).toEqual({ role: 'user', content: sentence });
    const saved = (await call('workflows.save', { workflow: out.document, enabled: false, draft: true })) as { enabled: boolean; draft: boolean };
    expect(saved).toMatchObject({ enabled: false, draft: false });
  });

  it('sends a json_schema and a catalogue derived from the registry: every step type, its params schema, every trigger type', async () => {
    server.reply({ kind: 'json', value: siteCheck });
    await call('ai.workflow', { text: sentence });
    const format = server.requests[0]!.body.response_format as { type: string; json_schema: { name: string; strict: boolean; schema: Record<string, unknown> } };
    expect(format).toMatchObject({ type: 'json_schema', json_schema: { name: 'workflow', strict: true } });
    const node = JSON.stringify(format.json_schema.schema);
    const types = core.workflows.stepTypes().map((t) => t.type);
    expect(node).toContain(JSON.stringify(types));
    expect(node).toContain(JSON.stringify([...triggerTypes]));
    const system = sentMessages(0).find((m) => m.role === 'system' && m.content.includes('Step types'))!.content;
    for (const t of core.workflows.stepTypes()) expect(system).toContain(`- ${t.type}: ${t.title}. ${t.description}`);
    expect(system).toContain(JSON.stringify(core.workflows.stepTypes().find((t) => t.type === 'http.request')!.paramsSchema));
    expect(system).toContain('- stripe.event: ');

    // a step type registered tomorrow is offered with no change here
    const extra = { ...notifyFounderStep, type: 'sms.send', title: 'Send an SMS' };
    const registry = new StepRegistry([...builtInSteps, extra]);
    expect(JSON.stringify(responseJsonSchema(workflowAnswerSchema(registry.describe(), triggerTypes)))).toContain('"sms.send"');
  });

  it('repairs an answer with an unknown step type, and one the engine\u2019s validator refuses, sending back the problems', async () => {
    const unknownType = answer([{ id: 'check', type: 'fax.send', params: {} }], []);
    const badParams = answer([{ id: 'tell', type: 'notify.founder', params: { level: 'loud' } }], []);
    server.reply({ kind: 'json', value: unknownType }, { kind: 'json', value: badParams }, { kind: 'json', value: siteCheck });
    const out = (await call('ai.workflow', { text: sentence })) as { document: Record<string, unknown> };
    expect(core.workflows.validate(out.document).valid).toBe(true);
    expect(sentMessages(1).at(-1)!.content).toMatch(/workflow\.nodes\.0\.type: Invalid option: expected one of .*"http\.request"/);
    const second = sentMessages(2).at(-1)!.content;
    expect(second).toContain('workflow.nodes[0].params.title: is required');
    expect(second).toContain('workflow.nodes[0].params.level: must be info, success, warning or error');
  });

  it('still wrong after two repair turns: a clear failure, an invalid usage row, nothing saved', async () => {
    const cycle = answer(
      [
        { id: 'a', type: 'log', params: { message: 'a' } },
        { id: 'b', type: 'log', params: { message: 'b' } },
      ],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ],
    );
    server.reply({ kind: 'json', value: cycle }, { kind: 'json', value: cycle }, { kind: 'json', value: cycle });
    await expect(call('ai.workflow', { text: sentence })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/^ai\.workflow: The AI model gave an answer that does not fit workflow after 2 repair turns: workflow\.edges\[1\]: creates a cycle: a → b → a\. Without the model, start from a template/),
    });
    expect(server.requests).toHaveLength(3);
    expect(core.workflows.list()).toEqual([]);
    expect(core.ai.usage(10).map((r) => r.outcome)).toContain('invalid');
  });

  it('changes an open workflow: the whole new document with a diff, what the answer cannot carry kept, nothing saved', async () => {
    const stored = core.workflows.save(
      undefined,
      {
        name: 'Site check',
        trigger: { type: 'cron', expr: '0 9 * * 1-5' },
        nodes: [
          { id: 'check', type: 'http.request', params: { url: 'https://shop.example' }, retry: { maxAttempts: 3 }, position: { x: 10, y: 20 } },
          { id: 'tell', type: 'notify.founder', params: { title: 'Down' } },
        ],
        edges: [{ from: 'check', to: 'tell' }],
      },
      false,
    );
    const changed = answer(
      [
        { id: 'check', type: 'http.request', params: { url: 'https://shop.example/health' } },
        { id: 'note', type: 'log', params: { message: 'checked' } },
      ],
      [{ from: 'check', to: 'note' }],
      { type: 'cron', options: { expr: '0 8 * * 1-5' } },
    );
    server.reply({ kind: 'json', value: changed });
    const out = (await call('ai.workflow', { text: 'check at 8 instead, the health page, and only log it', workflowId: stored.id })) as { document: { nodes: Array<Record<string, unknown>> }; diff: unknown };
    expect(sentMessages(0).at(-1)!.content).toContain('"url":"https://shop.example"');
    expect(out.document.nodes[0]).toMatchObject({ id: 'check', retry: { maxAttempts: 3 }, position: { x: 10, y: 20 } });
    expect(out.diff).toEqual({
      name: null,
      trigger: { before: expect.objectContaining({ expr: '0 9 * * 1-5' }), after: expect.objectContaining({ type: 'cron', expr: '0 8 * * 1-5' }) },
      added: [{ id: 'note', type: 'log' }],
      removed: [{ id: 'tell', type: 'notify.founder' }],
      changed: [{ id: 'check', type: 'http.request', fields: [], params: [{ key: 'url', before: 'https://shop.example', after: 'https://shop.example/health' }] }],
      edgesAdded: [{ from: 'check', to: 'note' }],
      edgesRemoved: [{ from: 'check', to: 'tell' }],
    });
    expect(core.workflows.get(stored.id)).toMatchObject({ version: 1, enabled: false });
  });

  it('offline or without a key: one line naming the secret and what still works; an unknown workflow is refused before any call', async () => {
    core.secrets.clear('openai.apiKey');
    await expect(call('ai.workflow', { text: sentence })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/^ai\.workflow: No AI key: set the secret openai\.apiKey .* Without\ the\ model,\ start\ from\ a\ template\ \(Workflows\ →\ From\ a\ template…,\ or\ levqor\ templates\)\ or\ build\ the\ workflow\ in\ the\ editor\ \(Workflows\ →\ New\ workflow\)\.$/),
    });
    await expect(call('ai.workflow', { text: sentence, workflowId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'ai.workflow: workflowId: no workflow has id "nope"' });
    await expect(call('ai.workflow', { text: '  ' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: 'ai.workflow: text: is required: describe the workflow in a sentence' });
    expect(server.requests).toHaveLength(0);
    expect(core.workflows.list()).toEqual([]);
  });
});
