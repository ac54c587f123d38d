import type { ExplainAnswer } from '../../../shared/contract/ai-explain';
import type { Command } from '../command';
import { procedureCommand } from '../procedure-command';

function fixLine(answer: ExplainAnswer, runId: string): string {
  if (answer.fix.kind === 'retry') return `Fix: retry the run: levqor runs retry ${runId}`;
  const { stepId, param, value } = answer.fix;
  return `Fix: set ${stepId}.${param} to ${JSON.stringify(value)}; apply it to a draft from the run's page in the app (Workflows → the run → Explain this failure), nothing is changed from here.`;
}

export const aiExplainCommands: Command[] = [
  procedureCommand('ai.explain', {
    usage: 'ai explain RUN_ID',
    summary: 'Why a failed run failed: the AI model\u2019s likely cause, an explanation and one fix (a param change or a retry). Changes nothing.',
    positionals: { runId: 'RUN_ID' },
    show: (answer, { positionals }) => [`Cause: ${answer.cause}`, '', answer.explanation, '', fixLine(answer, positionals.runId)].join('\n'),
  }),
];
