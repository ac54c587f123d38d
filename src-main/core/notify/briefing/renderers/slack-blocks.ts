import type { Briefing, SlackBlock } from '../../../../../shared/contract/briefing';
import { clip, emojiMark, oneLine } from './marks';

/** Slack's limits: a header's text 150 characters, a section's 3,000. */
const headerMax = 150;
const sectionMax = 3000;

/** Slack mrkdwn treats &, < and > as control characters (links, mentions); data text must not. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The briefing as an incoming webhook's body: Block Kit, one section block per part, and a plain fallback text. */
export function renderBriefingSlack(doc: Briefing): { text: string; blocks: SlackBlock[] } {
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: clip(doc.title, headerMax) } }];
  for (const s of doc.sections) {
    const body = [`${emojiMark[s.severity]} *${escapeSlack(s.title)}*: ${escapeSlack(oneLine(s.headline))}`, ...s.lines.map((l) => `${l.severity === 'info' ? '\u2022' : emojiMark[l.severity]} ${escapeSlack(oneLine(l.text))}`)].join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(body, sectionMax) } });
  }
  blocks.push({ type: 'divider' }, { type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(`Levqor X Control Center \u00b7 ${doc.date} (${doc.timezone})`) }] });
  const worst = doc.sections.filter((s) => s.severity !== 'info').map((s) => `${s.title}: ${oneLine(s.headline)}`);
  return { text: escapeSlack(clip(`${doc.title}${worst.length ? ` \u2014 ${worst.join('; ')}` : ''}`, sectionMax)), blocks };
}
