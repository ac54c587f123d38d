import type { Briefing } from '../../../../../shared/contract/briefing';
import type { NoticeSeverity } from '../../../../../shared/contract/notify';
import { escapeHtml, type EmailMessage } from '../../render-email';
import { oneLine } from './marks';
import { renderBriefingText } from './text';

const colour: Record<NoticeSeverity, string> = { info: '#2e7d32', warning: '#b26a00', critical: '#c62828' };

/** The briefing as an email: subject, an HTML part (inline styles only, as mail clients need) and the text part. */
export function renderBriefingEmail(doc: Briefing): EmailMessage {
  const sections = doc.sections
    .map((s) => {
      const items = s.lines.map((l) => `<li style="color:${colour[l.severity]}">${escapeHtml(oneLine(l.text))}</li>`).join('');
      return `<h2 style="font-size:16px;margin:16px 0 4px;color:${colour[s.severity]}">${escapeHtml(s.title)}</h2><p style="margin:0">${escapeHtml(oneLine(s.headline))}</p>${items ? `<ul style="margin:4px 0">${items}</ul>` : ''}`;
    })
    .join('\n');
  const html = `<!doctype html><html><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1a1a1a"><h1 style="font-size:20px">${escapeHtml(doc.title)}</h1>\n${sections}\n<p style="color:#666;font-size:12px">Levqor X Control Center \u00b7 ${escapeHtml(doc.date)} (${escapeHtml(doc.timezone)})</p></body></html>`;
  return { subject: doc.title, html, text: renderBriefingText(doc) };
}
