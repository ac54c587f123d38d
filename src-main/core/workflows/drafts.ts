import type { WorkflowDocument, WorkflowProblem, TriggerType } from '../../../shared/workflow';
import { CoreError } from '../errors';

const triggerTypes: readonly TriggerType[] = ['manual', 'cron', 'event', 'webhook'];
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** What the list shows of a document that may be a draft (invalid): read as written, never fixed. */
export function draftFacts(raw: unknown, valid: WorkflowDocument | undefined): { name: string; triggerType: TriggerType; steps: number; description?: string } {
  if (valid) return { name: valid.name, triggerType: valid.trigger.type, steps: valid.nodes.length, ...(valid.description ? { description: valid.description } : {}) };
  if (!isObject(raw)) throw new CoreError('BAD_INPUT', 'workflow: must be a JSON object (a draft keeps a workflow document as written)', 'workflow');
  const name = typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim().slice(0, 200) : 'Untitled workflow';
  const type = isObject(raw.trigger) ? raw.trigger.type : undefined;
  const triggerType = triggerTypes.find((t) => t === type) ?? 'manual';
  const steps = Array.isArray(raw.nodes) ? raw.nodes.length : 0;
  const description = typeof raw.description === 'string' && raw.description ? raw.description : undefined;
  return { name, triggerType, steps, ...(description ? { description } : {}) };
}

/** A draft cannot run, export or preview its schedule: the error names its first problem. */
export function draftRefusal(name: string, problems: WorkflowProblem[]): CoreError {
  const first = problems[0] ?? { path: 'workflow', message: 'is invalid' };
  const more = problems.length > 1 ? ` (${problems.length} problems in all)` : '';
  return new CoreError('BAD_INPUT', `id: workflow "${name}" is a draft; fix it first — workflow.${first.path}: ${first.message}${more}`, 'id');
}
