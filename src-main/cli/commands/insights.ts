import type { Insight, InsightActResult } from '../../../shared/contract/insights';
import type { Command } from '../command';
import { procedureCommand } from '../procedure-command';

function insightText(i: Insight): string {
  const evidence = i.evidence.map((e) => `      ${e.label}: ${e.value}  (${e.source})`);
  return [`${String(i.rank).padStart(2)}. [${i.severity}] ${i.area}: ${i.finding}`, `    impact: ${i.impact}`, ...evidence, `    action: ${i.suggestedAction.label}  (levqor insights act ${i.id})`].join('\n');
}

function actText(r: InsightActResult): string {
  switch (r.kind) {
    case 'workflow-draft':
      return `Saved "${r.name}" as a disabled draft (${r.workflowId}); review it in Workflows before enabling it.`;
    case 'healing':
      return `Healing requested; it applies only once approved: levqor approvals approve ${r.approvalId}`;
    case 'open-area':
      return `Nothing to do here: open the ${r.area} area.`;
  }
}

export const insightsCommands: Command[] = [
  procedureCommand('insights.list', {
    usage: 'insights',
    summary: 'The AI CEO’s advisory insights, ranked, each with its evidence and suggested action (deterministic rules, no model).',
    input: () => ({}),
    show: ({ insights }) => (insights.length === 0 ? 'No insights: nothing the rules flag right now.' : insights.map(insightText).join('\n\n')),
  }),
  procedureCommand('insights.act', {
    usage: 'insights act ID',
    summary: 'Turns an insight’s suggested action into a disabled workflow draft or a healing approval request; nothing runs by itself.',
    positionals: { id: 'ID' },
    show: actText,
  }),
  procedureCommand('insights.history', {
    usage: 'insights history',
    summary: 'Past insights, last shown first, and what you did about each.',
    input: () => ({}),
    show: ({ items }) =>
      items.length === 0
        ? 'No insights shown yet.'
        : items.map((i) => `${new Date(i.lastShownAt).toISOString()}  [${i.severity}] ${i.finding}${i.acted ? `  → ${i.acted.kind} ${i.acted.ref} (${new Date(i.acted.at).toISOString()})` : '  (not acted on)'}`).join('\n'),
  }),
];
