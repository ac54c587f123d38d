import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startFakeOpenAi, type FakeOpenAiServer } from '../../../tests/helpers/ai/openai-server';
import { aiCore } from '../../../tests/helpers/ai/ai-core';
import type { Core } from '..';
import { askStructured } from './structured';

const plan = z.object({ title: z.string().min(1), steps: z.array(z.string()).min(1) });
const request = { feature: 'workflow' as const, messages: [{ role: 'user' as const, content: 'check the site every weekday at 9' }] };

let server: FakeOpenAiServer;
let core: Core;
beforeEach(async () => {
  server = await startFakeOpenAi();
  core = aiCore(server);
});
afterEach(async () => {
  core.close();
  await server.stop();
});

describe('structured answers', () => {
  it('asks with response_format json_schema (strict) built from the zod schema, and returns the checked value', async () => {
    server.reply({ kind: 'json', value: { title: 'Site check', steps: ['http.check', 'notify.telegram'] } });
    expect(await askStructured(core.ai, request, 'workflow_plan', plan)).toEqual({ title: 'Site check', steps: ['http.check', 'notify.telegram'] });
    expect(server.requests[0]!.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'workflow_plan', strict: true, schema: expect.objectContaining({ type: 'object', required: ['title', 'steps'], additionalProperties: false }) },
    });
  });

  it('repairs a wrong answer once, sending back the validator\u2019s problems', async () => {
    server.reply({ kind: 'json', value: '{"title": "Site check", "steps": [' }, { kind: 'json', value: { title: 'Site check', steps: ['http.check'] } });
    expect(await askStructured(core.ai, request, 'workflow_plan', plan)).toEqual({ title: 'Site check', steps: ['http.check'] });
    const repair = server.requests[1]!.body.messages as Array<{ role: string; content: string }>;
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: '{"title": "Site check", "steps": [' });
    expect(repair.at(-1)!.content).toMatch(/^That answer does not fit the schema workflow_plan:\nnot JSON: /);
  });

  it('fails clearly after two repair turns, recording the answer as invalid', async () => {
    server.reply({ kind: 'json', value: { title: '' } }, { kind: 'json', value: { title: '', steps: [] } }, { kind: 'json', value: { steps: ['x'] } });
    await expect(askStructured(core.ai, request, 'workflow_plan', plan)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/^The AI model gave an answer that does not fit workflow_plan after 2 repair turns: title: /) });
    expect(server.requests).toHaveLength(3);
    expect(core.ai.usage(10).map((r) => r.outcome)).toEqual(['invalid', 'ok', 'ok', 'ok']);
  });
});
