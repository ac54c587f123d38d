import type { DfyRequest, Lead } from '../../shared/contract/pipeline';
import type { PipelineKind } from '../../shared/pipeline-stages';

/** A founder change to a lead or DFY request, as a workflow step asks for it. */
export interface PipelineUpdate {
  stage?: string;
  /** Why: required for a move back. */
  note?: string;
  /** Replaces the founder's notes. */
  notes?: string | null;
}

/**
 * The sales pipeline as other capabilities use it (the workflow step lead.update): createCore
 * hands this port over, so the engine never imports the revenue capability. Bad input throws
 * a BAD_INPUT CoreError naming the field; an unknown id NOT_FOUND.
 */
export interface PipelinePort {
  update(kind: PipelineKind, id: string, update: PipelineUpdate): Lead | DfyRequest;
}
