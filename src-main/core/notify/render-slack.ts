import { areas } from '../../../shared/areas';
import type { Notice } from '../../../shared/contract/notify';

/** A Slack incoming webhook's message: Block Kit blocks and the plain `text` shown where blocks are not (notifications, old clients). */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

type SlackText = { type: 'plain_text'; text: string; emoji?: boolean } | { type: 'mrkdwn'; text: string };
export type SlackBlock =
  | { type: 'header'; text: SlackText }
  | { type: 'section'; text: SlackText }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'actions'; elements: Array<{ type: 'button'; text: SlackText; url: string; action_id: string; style?: 'primary' }> };

/** Slack's own limits: a header's text 150 characters, a section's 3,000. */
const headerMax = 150;
const sectionMax = 3000;

const severityMark = { info: 'Info', warning: 'Warning', critical: 'Critical' } as const;

/**
 * The notice as a Slack message: a header (the title, with the count of a repeated alert), a
 * section (the body), a context line (severity and time), and a button that opens the approval
 * or the area in the app when the app has an address a browser can open (`appUrl`, levqor serve's);
 * without one the text says where to look in the app.
 */
export function renderSlack(notice: Notice, appUrl?: string): SlackMessage {
  const title = notice.count ? `${notice.title} (×${notice.count})` : notice.title;
  const areaTitle = areas.find((a) => a.id === notice.area)?.title ?? notice.area;
  const link = appUrl ? openUrl(appUrl, notice) : undefined;
  const where = notice.approvalId ? `the approval in ${areaTitle}` : areaTitle;
  const pointer = link ? `<${link}|Open ${where} in Levqor X>` : `Open Levqor X → ${where} (this message has no link: the app has no address a browser can open)`;
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(title, headerMax), emoji: false } },
    ...(notice.body ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: cut(escapeMrkdwn(notice.body), sectionMax) } }] : []),
    { type: 'context', elements: [{ type: 'mrkdwn', text: `${severityMark[notice.severity ?? 'info']} · <!date^${Math.floor(notice.at / 1000)}^{date_short_pretty} {time}|${new Date(notice.at).toISOString()}> · ${link ? `<${link}|${where}>` : pointer}` }] },
    ...(link ? [{ type: 'actions' as const, elements: [{ type: 'button' as const, text: { type: 'plain_text' as const, text: notice.approvalId ? 'Open the approval' : `Open ${areaTitle}` }, url: link, action_id: 'levqor.open', ...(notice.approvalId ? { style: 'primary' as const } : {}) }] }] : []),
  ];
  return { text: `${title}\n${notice.body}\n${pointer}`.replace(/\n+/g, '\n').trim(), blocks };
}

/** The app's own link to the approval (#/approvals?id=…) or to the area (#/<area>). */
export function openUrl(appUrl: string, notice: Notice): string {
  const base = appUrl.replace(/#.*$/, '');
  return notice.approvalId ? `${base}#/approvals?id=${encodeURIComponent(notice.approvalId)}` : `${base}#/${notice.area}`;
}

/** Slack reads &, < and > as markup in mrkdwn; text from events must not become links or mentions. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
