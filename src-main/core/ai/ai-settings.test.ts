import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '..';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { refusalOf } from '../../../tests/helpers/setting-refusal';

let core: Core | undefined;
afterEach(() => core?.close());

describe('the ai.* settings', () => {
  it('have the documented defaults', () => {
    core = createCore({ dataDir: tempDir(), env: {}, logToFile: false });
    const s = core.settings;
    expect([s.get('ai.baseUrl'), s.get('ai.model'), s.get('ai.features'), s.get('ai.monthlyTokenBudget'), s.get('ai.language')]).toEqual(['https://api.openai.com/v1', 'gpt-4o-mini', {}, 0, '']);
    expect(s.get('ai.prices')['gpt-4o-mini']).toEqual({ input: 15, output: 60 });
  });

  it('refuse bad values naming the rule, and keep the old value', () => {
    core = createCore({ dataDir: tempDir(), env: {}, logToFile: false });
    const refusal = refusalOf(core.settings);
    expect(refusal('ai.features', '{"chat": true, "poetry": false}')).toMatch(/^AI features must be a JSON map from AI features \(chat, workflow, explain, onboarding, insights, generate, content\) to true or false.*; "poetry" is not an AI feature/);
    expect(refusal('ai.features', '{"chat": "yes"}')).toMatch(/to true or false/);
    expect(refusal('ai.prices', '{"gpt-4o-mini": {"input": -1, "output": 60}}')).toMatch(/what a million tokens cost in cents/);
    expect(refusal('ai.prices', '{"gpt-4o-mini": {"input": 1}}')).toMatch(/what a million tokens cost in cents/);
    expect(refusal('ai.monthlyTokenBudget', 1.5)).toMatch(/must be a whole number of tokens per month, 0 for no limit/);
    expect(refusal('ai.model', 'gpt 4o')).toMatch(/must be a model name/);
    expect(refusal('ai.baseUrl', 'http://models.example/v1')).toMatch(/must use https/);
    expect(core.settings.get('ai.features')).toEqual({});
    expect(core.settings.get('ai.monthlyTokenBudget')).toBe(0);
  });

  it('take a JSON map typed as text', () => {
    core = createCore({ dataDir: tempDir(), env: {}, logToFile: false });
    core.settings.set('ai.features', '{"insights": false}');
    core.settings.set('ai.prices', '{"llama3": {"input": 0, "output": 0}}');
    expect(core.settings.get('ai.features')).toEqual({ insights: false });
    expect(core.ai.status().features).toMatchObject({ chat: true, insights: false });
  });
});
