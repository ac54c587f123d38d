import { describe, expect, it } from 'vitest';
import { productSpecSchema } from '../../../shared/product';
import { aiCore } from '../../../tests/helpers/ai/ai-core';
import { aiCorePerTest } from '../../../tests/helpers/ai/ai-core-per-test';
import type { Core } from '..';
import { numbersIn } from './brief-numbers';

const t = aiCorePerTest();

/** Two product drafts launching tomorrow with no Omega slot filled: two critical insights whose numbers are 0 and 70 (and the date). */
function twoLaunches(c: Core = t.core) {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  for (const [slug, name] of [['ascend', 'Ascend'], ['beacon', 'Beacon']] as const) {
    c.products.create(productSpecSchema.parse({ slug, name, price: 17, description: 'A launch checklist.', tags: ['launch'], launchDate: tomorrow }));
  }
}

const good = {
  ranking: [
    { id: 'omega-slots:beacon', why: 'Beacon goes out first with 0 of 70 slots.' },
    { id: 'omega-slots:ascend', why: 'Ascend has the same gap.' },
  ],
  narrative: 'Two launches are a day away and neither has any of its 70 Omega slots filled: fill Beacon first, then Ascend.',
};
const sentMessages = (n: number) => t.server.requests[n]!.body.messages as Array<{ role: string; content: string }>;

describe('the AI CEO’s brief', () => {
  it('with a model: its ranking and narrative, the findings still the rules’ own, asked as json_schema with the evidence', async () => {
    twoLaunches();
    t.server.reply({ kind: 'json', value: good });
    const brief = await t.core.insights.brief();
    expect(brief).toMatchObject({ source: 'model', narrative: good.narrative, insights: [{ id: 'omega-slots:ascend' }, { id: 'omega-slots:beacon' }] });
    expect(brief.reason).toBeUndefined();
    expect(brief.thisWeek).toEqual([
      { id: 'omega-slots:beacon', area: 'growth', severity: 'critical', finding: '"Beacon" launches within a day with 0 of 70 Omega slots filled', why: good.ranking[0]!.why },
      { id: 'omega-slots:ascend', area: 'growth', severity: 'critical', finding: '"Ascend" launches within a day with 0 of 70 Omega slots filled', why: good.ranking[1]!.why },
    ]);
    expect(t.server.requests[0]!.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'insights_brief', strict: true } });
    expect(sentMessages(0).at(-1)!.content).toContain('"label":"Omega slots filled","value":"0 of 70"');
    expect(t.core.ai.usage(5).map((u) => [u.feature, u.outcome])).toEqual([['insights', 'ok']]);
  });

  it('a narrative with a number the rules did not produce is sent back, and the corrected answer is taken', async () => {
    twoLaunches();
    t.server.reply({ kind: 'json', value: { ...good, narrative: 'Fill the slots or MRR £99,999 is at risk.' } }, { kind: 'json', value: good });
    const brief = await t.core.insights.brief();
    expect(brief).toMatchObject({ source: 'model', narrative: good.narrative });
    expect(sentMessages(1).at(-1)!.content).toContain('narrative: 99999 is not a number the insights give');
  });

  it('a model that keeps inventing numbers is refused after two repair turns: the rules’ ranking, no narrative, and why', async () => {
    twoLaunches();
    const invented = { kind: 'json' as const, value: { ...good, narrative: 'MRR £99,999 is at risk.' } };
    t.server.reply(invented, invented, { kind: 'json', value: { ranking: [{ id: 'omega-slots:ascend', why: 'Costs 12.5% of revenue.' }], narrative: 'Fill the slots.' } });
    const brief = await t.core.insights.brief();
    expect(t.server.requests).toHaveLength(3);
    expect(brief).toMatchObject({ source: 'rules', narrative: null, reason: expect.stringMatching(/^The AI model gave an answer that does not fit insights_brief after 2 repair turns: ranking\.0\.why: 12\.5 is not a number the insights give/) });
    expect(brief.thisWeek.map((t) => [t.id, t.why])).toEqual([
      ['omega-slots:ascend', 'the launch ships without its cover and gallery images'],
      ['omega-slots:beacon', 'the launch ships without its cover and gallery images'],
    ]);
    // the model's invented figure is nowhere in what reaches the founder (`at`, a timestamp, is left out: it may hold any digits)
    const { at: _at, ...shown } = brief;
    expect(JSON.stringify(shown)).not.toContain('99');
  });

  it('a ranking naming an insight that does not exist, or one twice, is refused', async () => {
    twoLaunches();
    const made = { ...good, ranking: [{ id: 'mrr-churn:2026-01', why: 'Churn.' }, good.ranking[1]!] };
    const twice = { ...good, ranking: [good.ranking[0]!, good.ranking[0]!] };
    t.server.reply({ kind: 'json', value: made }, { kind: 'json', value: twice }, { kind: 'json', value: made });
    const brief = await t.core.insights.brief();
    expect(sentMessages(1).at(-1)!.content).toContain('ranking.0.id: no insight "mrr-churn:2026-01": use only the ids given');
    expect(sentMessages(2).at(-1)!.content).toContain('ranking.1.id: "omega-slots:beacon" is listed twice');
    expect(brief).toMatchObject({ source: 'rules', narrative: null, thisWeek: [{ id: 'omega-slots:ascend' }, { id: 'omega-slots:beacon' }] });
  });

  it('no key: the rules’ ranking, said plainly, and nothing sent', async () => {
    const offline = aiCore(t.server, { withKey: false });
    try {
      twoLaunches(offline);
      const brief = await offline.insights.brief();
      expect(brief).toMatchObject({ source: 'rules', narrative: null, reason: 'No AI key: set the secret openai.apiKey (levqor secrets set openai.apiKey, or OPENAI_API_KEY).' });
      expect(brief.thisWeek.map((t) => t.id)).toEqual(['omega-slots:ascend', 'omega-slots:beacon']);
      expect(t.server.requests).toEqual([]);
    } finally {
      offline.close();
    }
  });

  it('a model server that does not answer: the rules’ ranking and the setting named', async () => {
    const unreachable = aiCore({ url: 'http://127.0.0.1:9/v1' });
    try {
      twoLaunches(unreachable);
      expect(await unreachable.insights.brief()).toMatchObject({ source: 'rules', narrative: null, reason: expect.stringMatching(/^The AI model at 127\.0\.0\.1:9 does not answer \(setting ai\.baseUrl\)/) });
    } finally {
      unreachable.close();
    }
  });

  it('the feature turned off: the rules’ ranking and the setting named', async () => {
    twoLaunches();
    t.core.settings.set('ai.features', { insights: false });
    expect(await t.core.insights.brief()).toMatchObject({ source: 'rules', reason: 'The AI feature insights is turned off (setting ai.features).' });
    expect(t.server.requests).toEqual([]);
  });

  it('nothing flagged: no call, an empty list', async () => {
    expect(await t.core.insights.brief()).toMatchObject({ insights: [], thisWeek: [], narrative: null, source: 'rules', reason: 'Nothing the rules flag right now, so there is nothing to rank.' });
    expect(t.server.requests).toEqual([]);
  });

  it('asked again while the insights read the same, the brief is reused without another call', async () => {
    twoLaunches();
    t.server.reply({ kind: 'json', value: good });
    await t.core.insights.brief();
    expect(await t.core.insights.brief()).toMatchObject({ source: 'model', narrative: good.narrative });
    expect(t.server.requests).toHaveLength(1);
  });

  it('reads numbers as values, whatever their separators', () => {
    expect(numbersIn('MRR £99,999 and 20.00 USD, 7.1% of 0 of 70 on 2026-11-03')).toEqual([99999, 20, 7.1, 0, 70, 2026, 11, 3]);
  });
});

describe('insights history filters', () => {
  it('by rule, by what was done, and since a time', async () => {
    twoLaunches();
    t.core.insights.list();
    t.core.insights.act('omega-slots:ascend');
    const all = t.core.insights.pastInsights(50).items;
    expect(all.map((i) => i.id).sort()).toEqual(['omega-slots:ascend', 'omega-slots:beacon']);
    expect(t.core.insights.pastInsights(50, { acted: 'open-area' }).items.map((i) => i.id)).toEqual(['omega-slots:ascend']);
    expect(t.core.insights.pastInsights(50, { acted: 'none' }).items.map((i) => i.id)).toEqual(['omega-slots:beacon']);
    expect(t.core.insights.pastInsights(50, { acted: 'workflow-draft' }).items).toEqual([]);
    expect(t.core.insights.pastInsights(50, { rule: 'mrr-churn' }).items).toEqual([]);
    expect(t.core.insights.pastInsights(50, { rule: 'omega-slots', since: all[0]!.lastShownAt }).items).toHaveLength(2);
    expect(t.core.insights.pastInsights(50, { since: all[0]!.lastShownAt + 60_000 }).items).toEqual([]);
  });
});
