import type { WorkflowDocument, WorkflowNode } from '../../../shared/workflow';
import type { StepRegistry } from './registry';

export interface GraphEdge {
  from: string;
  port: string;
  to: string;
}

/**
 * A validated workflow as the runner walks it. The trigger feeds the entry nodes: those
 * with no incoming edge. A node runs once every node before it has settled and at least
 * one of its incoming edges is live (its source succeeded and took that port).
 */
export interface WorkflowGraph {
  document: WorkflowDocument;
  nodes: Map<string, WorkflowNode>;
  /** Topological order (ties in file order): the order in which ready nodes run. */
  order: string[];
  entries: string[];
  incoming: Map<string, GraphEdge[]>;
  outgoing: Map<string, GraphEdge[]>;
}

/** The port an edge leaves from: as written, or the step type's only port. */
export function edgePort(fromPort: string | undefined, ports: readonly string[] | undefined): string | undefined {
  if (fromPort !== undefined) return fromPort;
  return ports && ports.length === 1 ? ports[0] : undefined;
}

/** Builds the graph of a workflow the validator accepted. */
export function buildGraph(document: WorkflowDocument, registry: StepRegistry): WorkflowGraph {
  const nodes = new Map<string, WorkflowNode>();
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  for (const node of document.nodes) {
    nodes.set(node.id, node);
    incoming.set(node.id, []);
    outgoing.set(node.id, []);
  }
  for (const e of document.edges) {
    const fromNode = nodes.get(e.from);
    const port = edgePort(e.fromPort, fromNode ? registry.get(fromNode.type)?.ports : undefined) ?? 'out';
    const edge: GraphEdge = { from: e.from, port, to: e.to };
    outgoing.get(e.from)?.push(edge);
    incoming.get(e.to)?.push(edge);
  }
  const order = topologicalOrder(document.nodes.map((n) => n.id), incoming, outgoing);
  const entries = document.nodes.filter((n) => (incoming.get(n.id)?.length ?? 0) === 0).map((n) => n.id);
  return { document, nodes, order, entries, incoming, outgoing };
}

/** Kahn's algorithm, picking the earliest node in file order among the ready ones. */
export function topologicalOrder(ids: string[], incoming: Map<string, GraphEdge[]>, outgoing: Map<string, GraphEdge[]>): string[] {
  const position = new Map(ids.map((id, i) => [id, i]));
  const remaining = new Map(ids.map((id) => [id, new Set((incoming.get(id) ?? []).map((e) => e.from)).size]));
  const ready = ids.filter((id) => remaining.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const id = ready.shift() as string;
    order.push(id);
    const seen = new Set<string>();
    for (const e of outgoing.get(id) ?? []) {
      if (seen.has(e.to)) continue;
      seen.add(e.to);
      const left = (remaining.get(e.to) ?? 0) - 1;
      remaining.set(e.to, left);
      if (left === 0) ready.push(e.to);
    }
  }
  return order;
}
