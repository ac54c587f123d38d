/**
 * Workflow documents for tests and benches. Free of core imports, so Playwright specs and
 * benches can build documents without loading the engine.
 */

export interface TestWorkflow {
  name: string;
  trigger: object;
  nodes: unknown[];
  edges: unknown[];
  [field: string]: unknown;
}

/** A one-trigger workflow document from nodes and edges (manual trigger unless given). */
export function wf(nodes: unknown[], edges: unknown[] = [], extra: Record<string, unknown> = {}): TestWorkflow {
  return { name: 'Test workflow', trigger: { type: 'manual' }, nodes, edges, ...extra };
}

/** A workflow whose nodes run one after the other, in the order given. */
export function chain(nodes: Array<{ id: string; [field: string]: unknown }>, extra: Record<string, unknown> = {}): TestWorkflow {
  const edges = nodes.slice(1).map((node, i) => ({ from: nodes[i]!.id, to: node.id }));
  return wf(nodes, edges, extra);
}

/** manual → transform (input.n doubled) → log: the smallest run that stores a step output and a log line. */
export const doubleAndLog = chain(
  [
    { id: 'calc', type: 'transform', params: { expression: "{ 'n': input.n * 2 }" } },
    { id: 'say', type: 'log', params: { message: 'n is {{ steps.calc.output.n }}' } },
  ],
  { name: 'Double and log' },
);
