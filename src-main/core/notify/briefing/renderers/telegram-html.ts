import type { Briefing } from '../../../../../shared/contract/briefing';
import { escapeTelegramHtml } from '../../telegram/telegram-html';
import { emojiMark, oneLine } from './marks';

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
