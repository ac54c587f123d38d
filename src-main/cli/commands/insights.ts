import { insightActedFilters, type Insight, type InsightActResult, type InsightsBrief } from '../../../shared/contract/insights';
import type { Command } from '../command';
import { choiceOption, countOption, givenOnly, parseChoiceOption, parseCountOption, parseTimeOption, textOption } from '../options';
import { procedureCommand } from '../procedure-command';

function insightText(i: Insight): string {
  const evidence = i.evidence.map((e) => `      ${e.label}: ${e.value}  (${e.source})`);
  return [`${String(i.rank).padStart(2)}. [${i.severity}] ${i.area}: ${i.finding}`, `    impact: ${i.impact}`, ...evidence, `    action: ${i.suggestedAction.label}  (levqor insights act ${i.id})`].join('\n');
}

/** The brief on top: the "this week" list (whose ranking it is), then the narrative or why there is none. */
function briefText(b: InsightsBrief): string {
  const by = b.source === 'model' ? 'ranked by the model' : 'ranked by the rules';
  const list = b.thisWeek.map((t, n) => `${String(n + 1).padStart(2)}. ${t.finding}\n    why: ${t.why}  (${t.id})`);
  const story = b.narrative ?? `No narrative: ${b.reason ?? 'no model answer.'}`;
  return [`This week (${by}):`, ...list, '', story].join('\n');
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
  procedureCommand('insights.brief', {
    usage: 'insights',
    summary: 'The AI CEO’s advisory insights, ranked, each with its evidence and suggested action (deterministic rules); on top, the “this week” list and the model’s narrative when there is a model.',
    input: () => ({}),
    show: (brief) => (brief.insights.length === 0 ? 'No insights: nothing the rules flag right now.' : `${briefText(brief)}\n\nAll insights:\n\n${brief.insights.map(insightText).join('\n\n')}`),
  }),
  procedureCommand('insights.act', {
    usage: 'insights act ID',
    summary: 'Turns an insight’s suggested action into a disabled workflow draft or a healing approval request; nothing runs by itself.',
    positionals: { id: 'ID' },
    show: actText,
  }),
  procedureCommand('insights.dismiss', {
    usage: 'insights dismiss ID',
    summary: 'Dismisses an insight: it leaves the list while its finding reads the same; the history keeps it.',
    positionals: { id: 'ID' },
    show: ({ id }) => `Dismissed ${id}: it stays out of the list while it reads the same (levqor insights history --acted dismissed).`,
  }),
  procedureCommand('insights.history', {
    usage: 'insights history [--since TIME] [--rule RULE] [--acted KIND] [--limit N]',
    summary: 'Past insights, last shown first, and what you did about each; optionally only some.',
    options: {
      since: { type: 'string', description: 'only those last shown since: YYYY-MM-DD, an ISO date-time or epoch milliseconds' },
      rule: { type: 'string', description: 'only this rule’s insights (e.g. mrr-churn)' },
      acted: choiceOption('outcome', insightActedFilters),
      limit: countOption(50),
    },
    input: (_, values) =>
      givenOnly({ since: parseTimeOption(values.since, 'since'), rule: textOption(values.rule), acted: parseChoiceOption(values.acted, 'acted', insightActedFilters), limit: parseCountOption(values.limit, 'limit') }),
    show: ({ items }) =>
      items.length === 0
        ? 'No insights shown yet.'
        : items.map((i) => `${new Date(i.lastShownAt).toISOString()}  [${i.severity}] ${i.finding}${i.acted ? `  → ${i.acted.kind} ${i.acted.ref} (${new Date(i.acted.at).toISOString()})` : '  (not acted on)'}`).join('\n'),
  }),
];
