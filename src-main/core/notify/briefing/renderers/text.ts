import type { Briefing } from '../../../../../shared/contract/briefing';
import { oneLine, textMark } from './marks';

/** The briefing as plain text: the terminal (levqor briefing) and the email's text part. */
export function renderBriefingText(doc: Briefing): string {
  const parts = doc.sections.map((s) => {
    const heading = `${s.title}: ${oneLine(s.headline)}${s.severity === 'info' ? '' : `  [${s.severity}]`}`;
    return [heading, ...s.lines.map((l) => `  ${textMark[l.severity]} ${oneLine(l.text)}`)].join('\n');
  });
  return [doc.title, ...parts].join('\n\n');
}
