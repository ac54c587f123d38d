import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AiFeature } from '../../../shared/ai-settings';
import type { BudgetCrossed } from '../../../shared/contract/costs';
import { aiCore } from '../../../tests/helpers/ai/ai-core';
import { startFakeOpenAi, type FakeOpenAiServer } from '../../../tests/helpers/ai/openai-server';
import type { Core } from '..';

let server: FakeOpenAiServer;
let core: Core;
const crossed: BudgetCrossed[] = [];
const ask = (feature: AiFeature) => core.ai.complete({ feature, messages: [{ role: 'user', content: 'hello' }] });

beforeAll(async () => {
  server = await startFakeOpenAi();
  core = aiCore(server);
  // a cent a token, so two calls of 90 tokens cost $1.80
  core.settings.set('ai.prices', { 'gpt-4o-mini': { input: 1_000_000, output: 1_000_000 } });
  core.costs.setBudget('ai', 100);
  core.events.on('budget.crossed', (b) => crossed.push(b));
});
afterAll(async () => {
  core?.close();
  await server?.stop();
});

describe('the AI money budget', () => {
  it('stops the background features once used up, naming the budget; the answers the founder asks for still run', async () => {
    const usage = { prompt_tokens: 60, completion_tokens: 30 };
    server.reply({ kind: 'text', text: 'one', usage }, { kind: 'text', text: 'two', usage }, { kind: 'text', text: 'chat answer', usage });
    await ask('insights');
    // 90 of 100 cents: the 80% crossing is alerted when the next call looks at the budget
    await ask('insights');
    expect(crossed.map((b) => [b.category, b.threshold, b.spentMinor, b.budgetMinor])).toEqual([['ai', 80, 90, 100]]);

    const refusal = 'The AI budget for this month is used up: $1.80 of $1.00 spent (budget ai; change it in Costs or with levqor budgets set ai AMOUNT). ';
    for (const feature of ['insights', 'generate', 'content'] as const) {
      await expect(ask(feature)).rejects.toMatchObject({ code: 'UNAVAILABLE', field: 'budgets.ai', message: `${refusal}${feature} is paused until next month; chat, workflow, explain and onboarding still answer.` });
    }
    expect(crossed.map((b) => b.threshold)).toEqual([80, 100]);
    expect(server.requests).toHaveLength(2);

    expect(await ask('chat')).toBe('chat answer');
    expect(server.requests).toHaveLength(3);
    expect(core.costs.budgetsView().budgets.find((b) => b.category === 'ai')).toEqual({ category: 'ai', budgetMinor: 100, spentMinor: 270, usedRatio: 2.7 });

    // a higher budget lets them run again
    core.costs.setBudget('ai', 1000);
    server.reply({ kind: 'text', text: 'three', usage });
    expect(await ask('insights')).toBe('three');
  });
});
