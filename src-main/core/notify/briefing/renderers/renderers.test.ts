import { afterEach, describe, expect, it } from 'vitest';
import { briefingRenderingsSchema, type Briefing } from '../../../../../shared/contract/briefing';
import { notifyCore, type NotifyTestCore } from '../../../../../tests/helpers/notify/notify-core';
import { renderBriefing, renderBriefingFor } from '.';
import { renderBriefingText } from './text';

const hostile = 'Shop <b>"Mega"</b> & Co\n\nsecond paragraph';

/** A briefing as composeBriefing makes them, with text from the data that a renderer must not trust. */
function doc(overrides: Partial<Briefing> = {}): Briefing {
  return {
    at: Date.UTC(2026, 11, 7, 8),
    date: '2026-12-07',
    timezone: 'Europe/London',
    title: 'Founder briefing, Monday 7 December 2026',
    severity: 'critical',
    sections: [
      { id: 'health', title: 'Health', area: 'guardian', severity: 'info', headline: 'health 95/100 (healthy), +2 since yesterday', lines: [] },
      { id: 'monitors', title: 'Monitors', area: 'guardian', severity: 'critical', headline: '1 of 3 monitors DOWN', lines: [{ text: `${hostile} is DOWN: HTTP 503`, severity: 'critical' }] },
      { id: 'revenue', title: 'Revenue', area: 'revenue', severity: 'warning', headline: 'MRR $198.00 (+$60.00 since last month)', lines: [{ text: '1 failed payment in the last 24 h ($19.00)', severity: 'warning' }, { text: '0 new customers in the last 24 h', severity: 'info' }] },
    ],
    ...overrides,
  };
}

const open: NotifyTestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

describe('the briefing renderers', () => {
  it('Telegram HTML: data escaped, titles bold, one blank line between sections and none inside one', () => {
    const html = renderBriefingFor('telegram', doc()).html;
    expect(html).toContain('Shop &lt;b&gt;"Mega"&lt;/b&gt; &amp; Co second paragraph is DOWN: HTTP 503');
    expect(html).not.toMatch(/<(?!\/?b>)/);
    const parts = html.split('\n\n');
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe('<b>Founder briefing, Monday 7 December 2026</b>');
    expect(parts[2]).toBe('\u{1F534} <b>Monitors</b>: 1 of 3 monitors DOWN\n\u{1F534} Shop &lt;b&gt;"Mega"&lt;/b&gt; &amp; Co second paragraph is DOWN: HTTP 503');
  });

  it('Slack Block Kit: a header, one mrkdwn section per part within Slack\u2019s limits, escaped, with a fallback text', () => {
    const long = doc({ title: 'T'.repeat(400), sections: [{ id: 'runs', title: 'Runs', area: 'workflows', severity: 'warning', headline: 'many', lines: Array.from({ length: 400 }, (_, i) => ({ text: `run ${i} failed: <@U123> &`, severity: 'warning' as const })) }] });
    const { text, blocks } = renderBriefingFor('slack', long);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: `${'T'.repeat(149)}\u2026` } });
    const section = blocks[1] as { type: 'section'; text: { text: string } };
    expect(section.text.text.length).toBeLessThanOrEqual(3000);
    expect(section.text.text).toContain('run 0 failed: &lt;@U123&gt; &amp;');
    expect(section.text.text).not.toContain('<@U123>');
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(renderBriefingFor('slack', doc()).text).toBe('Founder briefing, Monday 7 December 2026 \u2014 Monitors: 1 of 3 monitors DOWN; Revenue: MRR $198.00 (+$60.00 since last month)');
  });

  it('email: subject, HTML with every data character escaped, and the text part', () => {
    const mail = renderBriefingFor('email', doc());
    expect(mail.subject).toBe('Founder briefing, Monday 7 December 2026');
    expect(mail.html).toContain('Shop &lt;b&gt;&quot;Mega&quot;&lt;/b&gt; &amp; Co second paragraph is DOWN');
    expect(mail.html).not.toContain('<b>');
    expect(mail.text).toBe(renderBriefingText(doc()));
    expect(mail.text).toBe(
      [
        'Founder briefing, Monday 7 December 2026',
        'Health: health 95/100 (healthy), +2 since yesterday',
        'Monitors: 1 of 3 monitors DOWN  [critical]\n  !! Shop <b>"Mega"</b> & Co second paragraph is DOWN: HTTP 503',
        'Revenue: MRR $198.00 (+$60.00 since last month)  [warning]\n   ! 1 failed payment in the last 24 h ($19.00)\n   - 0 new customers in the last 24 h',
      ].join('\n\n'),
    );
  });

  it('the system notification: the title and the headlines that need the founder, or all clear', () => {
    expect(renderBriefingFor('os', doc())).toEqual({ title: 'Founder briefing, Monday 7 December 2026', body: 'Monitors: 1 of 3 monitors DOWN \u00b7 Revenue: MRR $198.00 (+$60.00 since last month)' });
    const calm = doc({ severity: 'info', sections: [doc().sections[0]!] });
    expect(renderBriefingFor('os', calm).body).toBe('All clear. Health: health 95/100 (healthy), +2 since yesterday');
    expect(renderBriefingFor('pigeon', doc())).toBeUndefined();
  });

  it('a briefing composed with every channel\u2019s secret set carries none of them, in any rendering', () => {
    const t = notifyCore();
    open.push(t);
    const secrets = { 'telegram.botToken': '123456789:AAsecretTOKENsecretTOKEN_x', 'slack.webhookUrl': 'https://hooks.slack.com/services/T000/B000/sEcReTpAtH', 'resend.apiKey': 're_SeCrEtKeY123' } as const;
    for (const [name, value] of Object.entries(secrets)) t.core.secrets.set(name as keyof typeof secrets, value);
    const all = JSON.stringify(renderBriefing(t.core.briefing.compose()));
    expect(briefingRenderingsSchema.parse(JSON.parse(all))).toBeTruthy();
    for (const value of Object.values(secrets)) expect(all).not.toContain(value);
    expect(all).not.toContain('sEcReT');
  });
});
