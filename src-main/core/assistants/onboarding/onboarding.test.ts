import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../api/dispatcher';
import { aiCore } from '../../../../tests/helpers/ai/ai-core';
import { aiCorePerTest } from '../../../../tests/helpers/ai/ai-core-per-test';
import type { Core } from '../..';
import type { OnboardingAnswersInput, OnboardingDraft } from '../../../../shared/contract/onboarding';
import { dailyCheckCron, draftsFromAnswers, slugFrom } from './drafts-from-answers';

const answers: OnboardingAnswersInput = { sells: 'digital', siteUrl: 'https://example.com', productName: 'Notion Launch Pack', price: 47, currency: 'gbp', alerts: 'telegram' };

const ai = aiCorePerTest();

function counts(c: Core) {
  return { monitors: c.guardian.list().length, products: c.products.list().products.length, workflows: c.workflows.list().length, done: c.settings.get('onboarding.done') };
}

function draftOf(drafts: readonly OnboardingDraft[], item: OnboardingDraft['item']): Record<string, unknown> {
  return drafts.find((d) => d.item === item)!.draft;
}

describe('the proposal from answers (no model)', () => {
  it('drafts a monitor on the site, a product draft and a daily site-check workflow, each passing its service’s check, and saves nothing', async () => {
    const api = createDispatcher(ai.core);
    const result = await api.call('onboarding.propose', { answers });
    expect(result.ok).toBe(true);
    const { drafts, missing } = (result as { value: { drafts: OnboardingDraft[]; missing: string[] } }).value;
    expect(missing).toEqual([]);
    expect(drafts.map((d) => d.item)).toEqual(['monitor', 'product', 'workflow']);
    expect(draftOf(drafts, 'monitor')).toEqual({ type: 'http', name: 'example.com', url: 'https://example.com' });
    expect(draftOf(drafts, 'product')).toMatchObject({ slug: 'notion-launch-pack', name: 'Notion Launch Pack', price: 47, currency: 'GBP', status: 'draft', tags: ['digital product'] });
    const workflow = draftOf(drafts, 'workflow') as { workflow: Record<string, unknown>; alerts: string };
    expect(workflow.alerts).toBe('telegram');
    expect(workflow.workflow).toMatchObject({ trigger: { type: 'cron', expr: dailyCheckCron }, nodes: [{ type: 'http.request', params: { url: 'https://example.com' } }, { type: 'notify.founder' }] });
    expect(ai.core.workflows.validate(workflow.workflow).valid).toBe(true);
    expect(counts(ai.core)).toEqual({ monitors: 0, products: 0, workflows: 0, done: false });
  });

  it('gives a product slug no product has yet', () => {
    const drafts = draftsFromAnswers({ ...answers, currency: 'USD', price: 47, sells: 'both', alerts: 'os' }, new Set(['notion-launch-pack', 'notion-launch-pack-2']));
    expect(draftOf(drafts, 'product')).toMatchObject({ slug: 'notion-launch-pack-3', tags: ['digital product', 'done-for-you service'] });
    expect(slugFrom('Café Crème — Templates!')).toBe('cafe-creme-templates');
    expect(slugFrom('£££')).toBe('first-product');
  });

  it('keeps a long site name within the monitor’s and the notice’s limits', async () => {
    const longHost = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.example.com`;
    const { drafts } = await ai.core.onboarding.propose({ answers: { ...answers, siteUrl: `https://${longHost}/` } });
    expect(draftOf(drafts, 'monitor')).toMatchObject({ name: `${'a'.repeat(59)}…`, url: `https://${longHost}/` });
  });

  it('refuses bad answers naming the field and the rule, and saves nothing', async () => {
    const api = createDispatcher(ai.core);
    expect(await api.call('onboarding.propose', { answers: { ...answers, siteUrl: 'example' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'answers.siteUrl', message: expect.stringContaining('must be the address of your site starting with https://') },
    });
    expect(await api.call('onboarding.propose', { answers: { ...answers, price: -3 } })).toMatchObject({ ok: false, error: { field: 'answers.price', message: expect.stringContaining('must be greater than 0') } });
    expect(await api.call('onboarding.propose', { answers: { ...answers, sells: 'cars' } })).toMatchObject({ ok: false, error: { field: 'answers.sells' } });
    expect(await api.call('onboarding.propose', {})).toMatchObject({ ok: false, error: { field: 'answers', message: expect.stringContaining('give either answers') } });
    expect(counts(ai.core)).toEqual({ monitors: 0, products: 0, workflows: 0, done: false });
    expect(ai.server.requests).toHaveLength(0);
  });
});

describe('confirming one draft', () => {
  async function proposal(): Promise<OnboardingDraft[]> {
    return (await ai.core.onboarding.propose({ answers })).drafts;
  }

  it('creates exactly that item: the monitor, then the product, then the workflow (its notices routed to the chosen channel)', async () => {
    const drafts = await proposal();
    const monitor = ai.core.onboarding.confirm('monitor', draftOf(drafts, 'monitor'));
    expect(monitor).toEqual({ item: 'monitor', id: expect.any(String), name: 'example.com' });
    expect(counts(ai.core)).toEqual({ monitors: 1, products: 0, workflows: 0, done: false });
    expect(ai.core.guardian.get(monitor.id)).toMatchObject({ type: 'http', url: 'https://example.com/' });

    expect(ai.core.onboarding.confirm('product', draftOf(drafts, 'product'))).toEqual({ item: 'product', id: 'notion-launch-pack', name: 'Notion Launch Pack' });
    expect(counts(ai.core)).toEqual({ monitors: 1, products: 1, workflows: 0, done: false });
    expect(ai.core.products.get('notion-launch-pack').spec).toMatchObject({ price: 47, currency: 'GBP', status: 'draft' });

    const founderRule = () => ai.core.notify.rulesList().find((r) => r.id === 'founder.notified')!.channels;
    expect(founderRule()).toEqual(['os']);
    const wf = ai.core.onboarding.confirm('workflow', draftOf(drafts, 'workflow'));
    expect(counts(ai.core)).toEqual({ monitors: 1, products: 1, workflows: 1, done: false });
    expect(ai.core.workflows.list()[0]).toMatchObject({ id: wf.id, name: 'Daily check of example.com', enabled: true });
    expect(founderRule()).toEqual(['os', 'telegram']);
    expect(ai.core.onboarding.status()).toMatchObject({ shown: false, done: false, items: { monitor: true, product: true, workflow: true } });
  });

  it('refuses a draft its service refuses, naming the field, and creates nothing', async () => {
    const api = createDispatcher(ai.core);
    const drafts = await proposal();
    expect(await api.call('onboarding.confirm', { item: 'monitor', draft: { ...draftOf(drafts, 'monitor'), url: 'ftp://example.com' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'draft.url', message: 'draft.url: must start with http:// or https://' },
    });
    expect(await api.call('onboarding.confirm', { item: 'product', draft: { ...draftOf(drafts, 'product'), price: 0 } })).toMatchObject({
      ok: false,
      error: { field: 'draft.price', message: 'draft.price: must be greater than 0' },
    });
    const workflow = draftOf(drafts, 'workflow') as { workflow: { nodes: unknown[] } };
    const badStep = { ...workflow, workflow: { ...workflow.workflow, nodes: [{ id: 'check', type: 'no.such.step', params: {} }] } };
    expect(await api.call('onboarding.confirm', { item: 'workflow', draft: badStep })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: expect.stringMatching(/^draft\.workflow\./) } });
    expect(await api.call('onboarding.confirm', { item: 'workflow', draft: { ...workflow, alerts: 'pigeon' } })).toMatchObject({ ok: false, error: { field: 'draft.alerts' } });
    expect(await api.call('onboarding.confirm', { item: 'invoice', draft: {} })).toMatchObject({ ok: false, error: { field: 'item', message: expect.stringContaining('must be monitor, product or workflow') } });
    expect(counts(ai.core)).toEqual({ monitors: 0, products: 0, workflows: 0, done: false });
    expect(ai.core.notify.rulesList().find((r) => r.id === 'founder.notified')!.channels).toEqual(['os']);
    expect(existsSync(ai.core.products.layout().productsDir)).toBe(false);
  });
});

describe('status and dismiss', () => {
  it('opens the guide only while nothing exists and it was not dismissed', async () => {
    expect(ai.core.onboarding.status()).toEqual({ shown: true, done: false, items: { monitor: false, product: false, workflow: false }, ai: { available: true, reason: null } });
    expect(ai.core.onboarding.dismiss()).toMatchObject({ shown: false, done: true });
    expect(ai.core.settings.get('onboarding.done')).toBe(true);
  });

  it('says plainly why the model cannot read a sentence, and the form still proposes', async () => {
    const offline = aiCore(ai.server, { withKey: false });
    try {
      const status = offline.onboarding.status();
      expect(status.ai).toEqual({ available: false, reason: expect.stringMatching(/^No AI key: set the secret openai\.apiKey/) });
      await expect(offline.onboarding.propose({ text: 'I sell a £47 Notion pack at example.com' })).rejects.toThrow(/^No AI key: set the secret openai\.apiKey/);
      expect((await offline.onboarding.propose({ answers })).drafts).toHaveLength(3);
      expect(existsSync(offline.products.layout().productsDir)).toBe(false);
    } finally {
      offline.close();
    }
  });
});

describe('the free-text answer (feature onboarding)', () => {
  it('reads a sentence into the answers with json_schema and proposes the same drafts', async () => {
    ai.server.reply({ kind: 'json', value: { sells: 'digital', siteUrl: 'example.com', productName: 'Notion pack', price: 47, currency: 'GBP', alerts: 'email' } });
    const proposal = await ai.core.onboarding.propose({ text: 'I sell a £47 Notion pack at example.com, email me if it breaks' });
    expect(proposal.missing).toEqual([]);
    expect(proposal.answers).toEqual({ sells: 'digital', siteUrl: 'https://example.com', productName: 'Notion pack', price: 47, currency: 'GBP', alerts: 'email' });
    expect(proposal.drafts.map((d) => d.item)).toEqual(['monitor', 'product', 'workflow']);
    const body = ai.server.requests[0]!.body as { response_format: { json_schema: { name: string } }; messages: Array<{ content: string }> };
    expect(body.response_format.json_schema.name).toBe('onboarding_answers');
    expect(body.messages.at(-1)!.content).toBe('I sell a £47 Notion pack at example.com, email me if it breaks');
    expect(ai.core.ai.usage(5)[0]).toMatchObject({ feature: 'onboarding', outcome: 'ok' });
    expect(counts(ai.core)).toEqual({ monitors: 0, products: 0, workflows: 0, done: false });
  });

  it('lists what the sentence left out or got wrong instead of guessing, and proposes nothing yet', async () => {
    ai.server.reply({ kind: 'json', value: { sells: 'services', siteUrl: null, productName: 'Website audit', price: -5, currency: null, alerts: null } });
    const proposal = await ai.core.onboarding.propose({ text: 'I do website audits' });
    expect(proposal).toEqual({
      answers: { sells: 'services', productName: 'Website audit' },
      missing: ['siteUrl: not said in the text', 'price: must be greater than 0', 'alerts: not said; choose where you want alerts'],
      drafts: [],
    });
  });

  it('repairs an answer that does not fit, then fails plainly after two repair turns with nothing saved', async () => {
    const wrong = { kind: 'json' as const, value: { sells: 'cars' } };
    ai.server.reply(wrong, wrong, wrong);
    await expect(ai.core.onboarding.propose({ text: 'I sell things' })).rejects.toThrow(/does not fit onboarding_answers after 2 repair turns/);
    expect(ai.server.requests).toHaveLength(3);
    expect(ai.core.ai.usage(5)[0]).toMatchObject({ feature: 'onboarding', outcome: 'invalid' });
    expect(counts(ai.core)).toEqual({ monitors: 0, products: 0, workflows: 0, done: false });
  });
});
