import type { Briefing } from '../../../../../shared/contract/briefing';
import { emojiMark, oneLine } from './marks';

/** Telegram's HTML parse mode accepts only &lt; &gt; &amp; &quot; as entities; these three must always be escaped. */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The briefing as one Telegram message body (parse_mode HTML). Sections are separated by a
 * blank line and never contain one, so the telegram channel's split at 4,096 characters can
 * cut between sections and keep each whole.
 */
export function renderBriefingTelegram(doc: Briefing): string {
  const head = `<b>${escapeTelegramHtml(doc.title)}</b>`;
  const sections = doc.sections.map((s) =>
    [`${emojiMark[s.severity]} <b>${escapeTelegramHtml(s.title)}</b>: ${escapeTelegramHtml(oneLine(s.headline))}`, ...s.lines.map((l) => `${l.severity === 'info' ? '\u2022' : emojiMark[l.severity]} ${escapeTelegramHtml(oneLine(l.text))}`)].join('\n'),
  );
  return [head, ...sections].join('\n\n');
}
