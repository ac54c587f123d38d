import type { z } from 'zod';
import type { RunDetail } from '../../../../shared/contract/workflows';
import type { WorkflowProblem } from '../../../../shared/workflow';

/**
 * What the explain assistant reads and writes of the workflow engine, wired in createCore from
 * the engine's public services (the assistant never reaches into the engine's folder).
 */
export interface ExplainSources {
  /** A run with its graph, steps, logs; throws NOT_FOUND for an unknown id. */
  run(id: string): RunDetail;
  /** A step type's params schema; undefined for a type the engine does not know. */
  paramsOf(type: string): z.ZodType | undefined;
  /** The engine's own validator over a whole document. */
  problems(workflow: unknown): WorkflowProblem[];
  /** Saves a new workflow, disabled (a draft the founder reviews before enabling it). */
  saveDraft(workflow: unknown): { id: string; name: string };
}
