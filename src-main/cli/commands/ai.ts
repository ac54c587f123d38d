import type { AiStatus, AiUsageRow } from '../../../shared/contract/ai';
import type { Command } from '../command';
import { formatRows } from '../format';
import { countOption, givenOnly, parseCountOption } from '../options';
import { procedureCommand } from '../procedure-command';
import { aiChatCommand } from './ai-chat';
import { aiWorkflowCommand } from './ai-workflow';

const cents = (minor: number) => `${minor.toFixed(minor < 1 ? 4 : 2)} ¢`;

function showStatus(s: AiStatus): string {
  const budget = s.month.budgetTokens === 0 ? 'no limit' : `${s.month.budgetTokens} tokens`;
  const off = Object.entries(s.features).filter(([, on]) => !on).map(([f]) => f);
  return formatRows([
    ['Model', `${s.model} at ${s.baseUrlHost}`],
    ['Ready', s.configured ? 'yes' : (s.reason ?? 'no')],
    ['Features off', off.length === 0 ? 'none' : off.join(', ')],
    ['This month', `${s.month.calls} calls, ${s.month.inputTokens + s.month.outputTokens} tokens (${s.month.inputTokens} in, ${s.month.outputTokens} out), ${cents(s.month.costMinor)}`],
    ['Budget', budget],
  ]);
}

function usageLine(r: AiUsageRow): string {
  const when = new Date(r.at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return `${when}  ${r.feature}  ${r.model}  ${r.outcome}  ${r.inputTokens}+${r.outputTokens} tokens  ${cents(r.costMinor)}  ${r.latencyMs} ms${r.error ? `  — ${r.error}` : ''}`;
}

export const aiCommands: Command[] = [
  procedureCommand('ai.status', {
    usage: 'ai status',
    summary: 'The AI model: ready or why not, which model at which host, this month\u2019s tokens and cost against the budget.',
    show: showStatus,
  }),
  procedureCommand('ai.usage', {
    usage: 'ai usage [--limit N]',
    summary: 'The recorded AI model calls, newest first: feature, model, outcome, tokens, cost, latency.',
    options: { limit: countOption(50) },
    input: (_given, values) => givenOnly({ limit: parseCountOption(values.limit, 'limit') }),
    show: ({ calls }) => (calls.length === 0 ? 'No AI calls yet.' : calls.map(usageLine).join('\n')),
  }),
  aiChatCommand,
  aiWorkflowCommand,
];
