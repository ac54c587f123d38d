import { explainAnswerSchema, type ExplainAnswer, type ExplainParamFix } from '../../../../shared/contract/ai-explain';
import type { RunDetail, RunStepDetail } from '../../../../shared/contract/workflows';
import type { WorkflowDocument } from '../../../../shared/workflow';
import { askStructured, type AiService } from '../../ai';
import { CoreError } from '../../errors';
import { explainContext } from './explain-context';
import { explainInstructions } from './explain-prompt';
import type { ExplainSources } from './explain-sources';
import { mustApply, withParamFix } from './param-fix';

export interface ExplainDeps {
  ai: AiService;
  sources: ExplainSources;
}

/** A failed run as the assistant reads it: the document it ran and the step that failed. */
interface FailedRun {
  run: RunDetail;
  workflow: WorkflowDocument;
  failed: RunStepDetail;
}

/**
 * "Explain this failure": the model reads a failed run and answers with the cause and one fix
 * (a param change or a retry), checked against the engine before it is shown. Applying a param
 * change saves a new disabled workflow; a retry is the founder's runs.retry. Nothing here runs
 * anything.
 */
export class ExplainAssistant {
  constructor(private readonly d: ExplainDeps) {}

  async explain(runId: string, signal?: AbortSignal): Promise<ExplainAnswer> {
    const { run, workflow, failed } = this.failedRun(runId);
    // a param fix the engine would refuse is a wrong answer: it goes back to the model with the reason
    const answerSchema = explainAnswerSchema.superRefine((answer, ctx) => {
      if (answer.fix.kind !== 'param') return;
      const check = withParamFix(workflow, answer.fix, this.d.sources);
      if (!check.ok) ctx.addIssue({ code: 'custom', path: ['fix'], message: check.message });
    });
    const messages = [
      { role: 'system' as const, content: explainInstructions },
      { role: 'user' as const, content: explainContext(run, workflow, failed, this.d.sources) },
    ];
    return askStructured(this.d.ai, { feature: 'explain', messages, ...(signal ? { signal } : {}) }, 'explain_failure', answerSchema);
  }

  /** Saves the run's workflow with the fix applied as a new disabled workflow; nothing runs. */
  applyFix(runId: string, fix: ExplainParamFix): { workflowId: string; name: string } {
    const { run, workflow } = this.failedRun(runId);
    const fixed = mustApply(withParamFix(workflow, fix, this.d.sources));
    const saved = this.d.sources.saveDraft(draftCopy(fixed, run.id));
    return { workflowId: saved.id, name: saved.name };
  }

  private failedRun(runId: string): FailedRun {
    let run: RunDetail;
    try {
      run = this.d.sources.run(runId);
    } catch (err) {
      if (err instanceof CoreError && err.code === 'NOT_FOUND') throw new CoreError('NOT_FOUND', `runId: no run has id "${runId}"`, 'runId');
      throw err;
    }
    if (run.status !== 'failed') throw new CoreError('BAD_INPUT', `runId: run "${runId}" did not fail (it is ${run.status}); only a failed run can be explained`, 'runId');
    const failed = run.steps.find((s) => s.status === 'failed' && (!run.error?.nodeId || s.id === run.error.nodeId)) ?? run.steps.find((s) => s.status === 'failed');
    if (!run.workflow || !failed) throw new CoreError('BAD_INPUT', `runId: run "${runId}" failed before any step ran (${run.error?.message ?? 'no step failed'}); there is no step to explain`, 'runId');
    return { run, workflow: run.workflow, failed };
  }
}

/**
 * The copy saved for a fix: its own name, and a webhook path of its own (two workflows may not
 * share one); it is saved disabled, so its trigger waits for the founder.
 */
function draftCopy(workflow: WorkflowDocument, runId: string): WorkflowDocument {
  const tag = runId.slice(-6);
  const name = `${workflow.name.slice(0, 170)} (fix from run …${tag})`;
  const trigger = workflow.trigger.type === 'webhook' ? { ...workflow.trigger, path: `${workflow.trigger.path.slice(0, 89)}-fix-${tag}` } : workflow.trigger;
  return { ...workflow, name, trigger };
}
