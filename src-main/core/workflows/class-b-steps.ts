import type { StageStep } from '../../../shared/contract/stage';
import type { WorkflowDocument } from '../../../shared/workflow';
import type { StepRegistry } from './registry';

/**
 * The steps of one workflow whose class is B, as the runner would judge them from their
 * params: the launch stage decides whether these run for real (post-launch) or dry-run.
 */
export function classBStepsOf(workflow: { id: string; name: string }, document: WorkflowDocument, registry: StepRegistry): StageStep[] {
  return document.nodes.flatMap((node) => {
    const step = registry.get(node.type);
    if (!step) return [];
    const params = step.params.safeParse(node.params ?? {});
    const cls = registry.classInWorkflow(step, params.success ? params.data : node.params, node, document.nodes);
    if (cls !== 'B') return [];
    return [{ workflowId: workflow.id, workflowName: workflow.name, nodeId: node.id, name: node.name ?? node.id, stepType: node.type }];
  });
}
