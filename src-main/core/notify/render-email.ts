import { areas } from '../../../shared/areas';
import type { Notice } from '../../../shared/contract/notify';

/** An email's content: the subject and the same words as HTML and as plain text. */
export interface EmailMessage {
  subject: string;
  html: string;
  text: string;
}

const severityTag = { info: '', warning: '[Warning] ', critical: '[Critical] ' } as const;

/** The app's own link to the approval (#/approvals?id=…) or to the area (#/<area>). */
export function appLink(appUrl: string, notice: Notice): string {
  const base = appUrl.replace(/#.*$/, '');
  return notice.approvalId ? `${base}#/approvals?id=${encodeURIComponent(notice.approvalId)}` : `${base}#/${notice.area}`;
}

/**
 * The notice as an email: the subject is the title (marked when it is a warning or critical),
 * the body keeps its line breaks, and a link opens the approval or the area in the app when the
 * app has an address a browser can open (`appUrl`, levqor serve's); without one the email says
 * where to look. Every text from the notice is escaped: an event's words never become markup.
 */
export function renderEmail(notice: Notice, appUrl?: string): EmailMessage {
  const subject = `${severityTag[notice.severity ?? 'info']}${notice.title}`.replace(/\s+/g, ' ').trim();
  const areaTitle = areas.find((a) => a.id === notice.area)?.title ?? notice.area;
  const where = notice.approvalId ? `the approval in ${areaTitle}` : areaTitle;
  const link = appUrl ? appLink(appUrl, notice) : undefined;
  const when = new Date(notice.at).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const pointer = link ? `Open ${where}: ${link}` : `Open Levqor X → ${where}.`;
  const text = [subject, '', notice.body, '', pointer, '', `— Levqor X, ${when}`].filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n');
  const linkHtml = link
    ? `<p><a href="${escapeHtml(link)}" style="color:#2563eb">Open ${escapeHtml(where)} in Levqor X</a></p>`
    : `<p>Open Levqor X → ${escapeHtml(where)}.</p>`;
  const html = [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111827;line-height:1.5">',
    `<h2 style="margin:0 0 12px">${escapeHtml(subject)}</h2>`,
    notice.body ? `<p>${escapeHtml(notice.body).replace(/\r?\n/g, '<br>')}</p>` : '',
    linkHtml,
    `<p style="color:#6b7280;font-size:12px">Levqor X, ${escapeHtml(when)}</p>`,
    '</body></html>',
  ]
    .filter((part) => part !== '')
    .join('\n');
  return { subject, html, text };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
