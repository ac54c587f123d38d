import type { AiWorkflowAnswer } from '../../../../shared/contract/ai-workflow';
import { askStructured, type AiService } from '../../ai';
import { CoreError } from '../../errors';
import { answerDocument, workflowAnswerSchema, type WorkflowAnswer } from './answer-schema';
import { placeNodes } from './placement';
import { workflowMessages } from './prompt';
import { triggerCatalogue, triggerTypes } from './trigger-catalogue';
import { workflowDiff } from './workflow-diff';
import type { WorkflowAssistantPort } from './workflow-port';

export interface WorkflowAssistantDeps {
  ai: AiService;
  workflows: WorkflowAssistantPort;
}

/** What works without the model: said after the model layer's own line. */
export const withoutModelHint = 'Without the model, start from a template (Workflows → From a template…, or levqor templates) or build the workflow in the editor (Workflows → New workflow).';

type Doc = Record<string, unknown>;

/**
 * A sentence → a workflow document the engine's own validator accepts, with an explanation;
 * or a stored workflow changed as asked, with the diff. Nothing is saved, enabled or run here:
 * the founder saves the result through workflows.save (disabled).
 */
export class WorkflowAssistant {
  constructor(private readonly d: WorkflowAssistantDeps) {}

  async propose(input: { text: string; workflowId?: string }, signal?: AbortSignal): Promise<AiWorkflowAnswer> {
    const current = input.workflowId === undefined ? undefined : this.stored(input.workflowId);
    const stepTypes = this.d.workflows.stepTypes();
    const schema = workflowAnswerSchema(stepTypes, triggerTypes);
    const build = (answer: WorkflowAnswer): { document: Doc; problems: string[] } => {
      const { document, problems } = answerDocument(answer);
      if (problems.length > 0) return { document, problems };
      const placed = placeNodes(document, current);
      const verdict = this.d.workflows.validate(placed);
      return { document: placed, problems: verdict.errors.map((e) => `workflow.${e.path}: ${e.message}`) };
    };
    const messages = workflowMessages(input.text, stepTypes, triggerCatalogue(), current);
    let answer: WorkflowAnswer;
    try {
      answer = await askStructured(this.d.ai, { feature: 'workflow', messages, ...(signal ? { signal } : {}) }, 'workflow', schema, (a) => build(a).problems);
    } catch (err) {
      if (err instanceof CoreError && err.code === 'UNAVAILABLE') throw new CoreError('UNAVAILABLE', `${/[.!?)]$/.test(err.message) ? err.message : `${err.message}.`} ${withoutModelHint}`, err.field);
      throw err;
    }
    const { document } = build(answer);
    // both sides as the engine reads them, so a default written out on one side is no change
    const asRead = (doc: Doc): Doc => this.d.workflows.validate(doc).workflow ?? doc;
    return { document, explanation: answer.explanation, problems: [], ...(current ? { diff: workflowDiff(asRead(current), asRead(document)) } : {}) };
  }

  /** The workflow to change, refused under the input's own field name before any model call. */
  private stored(workflowId: string): Doc {
    try {
      return this.d.workflows.document(workflowId);
    } catch (err) {
      if (err instanceof CoreError && err.code === 'NOT_FOUND') throw new CoreError('NOT_FOUND', `workflowId: no workflow has id "${workflowId}"`, 'workflowId');
      throw err;
    }
  }
}
