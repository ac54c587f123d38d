import type { Notice } from '../../../../shared/contract/notify';

/**
 * Text for Telegram's HTML parse mode: only &, < and > have to be escaped there (Bot API,
 * "HTML style"); quotes only inside an attribute, which escapeTelegramAttribute covers.
 */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value (an a tag's href) in double quotes. */
export function escapeTelegramAttribute(text: string): string {
  return escapeTelegramHtml(text).replace(/"/g, '&quot;');
}

const severityMarks = { info: '', warning: '\u26a0\ufe0f ', critical: '\u{1f534} ' } as const;

/**
 * A notice as one Telegram HTML message: the title in bold (marked when it is a warning or
 * critical), then the body. Everything taken from the notice is escaped, so the only tags are
 * the ones written here (b, i, a, code, pre are all Telegram accepts).
 */
export function renderTelegramMessage(notice: Notice): string {
  const title = `<b>${severityMarks[notice.severity ?? 'info']}${escapeTelegramHtml(notice.title)}</b>`;
  return notice.body ? `${title}\n${escapeTelegramHtml(notice.body)}` : title;
}
