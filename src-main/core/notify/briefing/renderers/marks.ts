import type { NoticeSeverity } from '../../../../../shared/contract/notify';

/** How each severity is marked where colour cannot be: the chat apps show the emoji, plain text the words. */
export const emojiMark: Record<NoticeSeverity, string> = { info: '\u{1F7E2}', warning: '\u{1F7E0}', critical: '\u{1F534}' };
export const textMark: Record<NoticeSeverity, string> = { info: ' -', warning: ' !', critical: '!!' };

/** Text from the data (an error message, a monitor's name) kept on one line, so a section never holds a blank line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** At most `max` characters, the cut marked with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
