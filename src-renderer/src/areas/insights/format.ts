import type { InsightHistoryItem } from '../../../../shared/contract/insights';

export const severityTone = { critical: 'tone--bad', warning: 'tone--warn', info: 'tone--info' } as const;

/** The history's "what was done" filter, in the founder's words (`none`: not acted on yet). */
export const actedChoices = [
  { value: 'workflow-draft', label: 'Workflow draft' },
  { value: 'healing', label: 'Healing request (approval)' },
  { value: 'open-area', label: 'Opened an area' },
  { value: 'dismissed', label: 'Dismissed' },
  { value: 'none', label: 'Nothing yet' },
] as const;

/** The history's "when" filter: how far back, by last shown. */
export const sinceChoices = [
  { value: String(86_400_000), label: 'Last 24 hours' },
  { value: String(7 * 86_400_000), label: 'Last 7 days' },
  { value: String(30 * 86_400_000), label: 'Last 30 days' },
] as const;

type Acted = NonNullable<InsightHistoryItem['acted']>;

/** Where what was done can be seen, and the link's words: the draft in the editor, the request in Approvals, the area; nothing for a dismissal. */
export function actedLink(acted: Acted): { href: string; text: string } | undefined {
  if (acted.kind === 'workflow-draft') return { href: `#/workflows/${encodeURIComponent(acted.ref)}`, text: 'open the draft' };
  if (acted.kind === 'healing') return { href: '#/approvals', text: 'see Approvals' };
  if (acted.kind === 'open-area') return { href: `#/${acted.ref}`, text: acted.ref };
  return undefined;
}

export const actedWords = { 'workflow-draft': 'Workflow draft saved', healing: 'Healing requested', 'open-area': 'Opened', dismissed: 'Dismissed' } as const;
