import type { RunDetail, RunStepDetail } from '../../../../shared/contract/workflows';
import type { WorkflowDocument } from '../../../../shared/workflow';
import { inputJsonSchema } from '../../json-schema';
import type { ExplainSources } from './explain-sources';
import { dropSecretValues } from './secret-params';

/** The log lines sent: the last ones are where a failure shows. */
const maxLogLines = 40;

/**
 * What the model is shown of a failed run: the graph (ids, types, edges; no other step's
 * params), the failed step's params as written and as resolved (its input), each with the
 * values of secret-named fields dropped, its error and attempts, and the run's last log lines.
 * core.ai redacts the whole text again before it leaves the machine.
 */
export function explainContext(run: RunDetail, workflow: WorkflowDocument, failed: RunStepDetail, sources: Pick<ExplainSources, 'paramsOf'>): string {
  const node = workflow.nodes.find((n) => n.id === failed.id);
  const schema = sources.paramsOf(failed.type);
  const context = {
    workflow: {
      name: workflow.name,
      trigger: workflow.trigger.type,
      nodes: workflow.nodes.map((n) => ({ id: n.id, type: n.type, ...(n.name ? { name: n.name } : {}) })),
      edges: workflow.edges,
    },
    failedStep: {
      id: failed.id,
      type: failed.type,
      paramsSchema: schema ? inputJsonSchema(schema) : null,
      params: dropSecretValues(node?.params ?? {}),
      input: dropSecretValues(failed.input ?? null),
      error: failed.error,
      attempts: failed.attempts,
    },
    runError: run.error,
    logs: run.logs.slice(-maxLogLines).map((l) => ({ nodeId: l.nodeId, level: l.level, message: l.message, ...(l.data === undefined ? {} : { data: dropSecretValues(l.data) }) })),
  };
  return JSON.stringify(context, null, 1);
}
