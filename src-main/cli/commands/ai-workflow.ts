import type { AiWorkflowAnswer } from '../../../shared/contract/ai-workflow';
import { diffLines } from '../../../shared/ai-workflow-diff';
import type { WorkflowSummary } from '../../../shared/contract/workflows';
import { command, readPositionals, type Command } from '../command';

const usage = 'ai workflow TEXT [--workflow ID] [--save-draft]';

function answerText(a: AiWorkflowAnswer, saved: WorkflowSummary | undefined, changing: boolean): string {
  const diff = a.diff ? diffLines(a.diff).flatMap((l) => [`${l.sign} ${l.text}`, ...l.detail.map((d) => `    ${d}`)]) : [];
  const savedLine = saved
    ? `Saved "${saved.name}" as a disabled draft: ${saved.id} (v${saved.version}). Review it in Workflows before enabling it.`
    : changing
      ? 'Nothing saved: add --save-draft to save it as a new version of that workflow.'
      : 'Nothing saved: add --save-draft to save it as a disabled draft.';
  return [a.explanation, '', ...(a.diff ? ['Changes:', ...(diff.length ? diff : ['(none)']), ''] : []), JSON.stringify(a.document, null, 2), '', savedLine].join('\n');
}

/**
 * The workflow assistant: a sentence → a workflow (or, with --workflow, that workflow changed).
 * --save-draft saves it through workflows.save, never enabled: a new workflow is saved off, a
 * changed one keeps its own on/off.
 */
export const aiWorkflowCommand: Command = command({
  usage,
  summary: 'Describe a workflow in a sentence: the AI model builds it (checked by the engine\u2019s validator) and explains it; --save-draft saves it disabled (feature workflow of ai.features).',
  options: {
    workflow: { type: 'string', description: 'change this stored workflow as the sentence asks (prints the diff); --save-draft saves it as its new version' },
    'save-draft': { type: 'boolean', description: 'save the result as a disabled draft and print its id' },
  },
  async run(ctx, args) {
    const [text] = readPositionals(args, ['TEXT'], usage);
    const workflowId = typeof args.values.workflow === 'string' ? args.values.workflow : undefined;
    const answer = await ctx.call('ai.workflow', { text, ...(workflowId !== undefined ? { workflowId } : {}) });
    const saved = args.values['save-draft']
      ? await ctx.call('workflows.save', workflowId !== undefined ? { id: workflowId, workflow: answer.document, draft: true } : { workflow: answer.document, enabled: false, draft: true })
      : undefined;
    ctx.print({ ...answer, ...(saved ? { saved } : {}) }, () => answerText(answer, saved, workflowId !== undefined));
  },
});
