import type { StepTypeInfo } from '../../../../shared/contract/workflows';
import type { WorkflowProblem } from '../../../../shared/workflow';

/**
 * What the workflow assistant reads of the engine, handed over by createCore from the workflow
 * service's public methods, so this folder imports nothing of core/workflows.
 */
export interface WorkflowAssistantPort {
  /** The registry's step types as the editor's palette gets them (params as JSON Schema). */
  stepTypes(): StepTypeInfo[];
  /** The engine's own validator: every problem by JSON path; when valid, the document with the file format's defaults. */
  validate(raw: unknown): { valid: boolean; errors: WorkflowProblem[]; workflow?: Record<string, unknown> };
  /** A stored workflow's document as saved (a draft's as written); NOT_FOUND when there is none. */
  document(id: string): Record<string, unknown>;
}
