import type { z } from 'zod';
import { eventNames } from '../../../shared/contract';
import {
  classRank,
  parseDuration,
  workflowDocumentSchema,
  type StepClass,
  unparsedJsonText,
  type WorkflowDocument,
  type WorkflowProblem,
} from '../../../shared/workflow';
import { jsonSyntaxReason } from '../../../shared/json-error';
import { badInputFieldNames, inputFieldNameRule } from '../../../shared/trigger-input';
import { cronProblem, isValidTimezone } from '../scheduler';
import { bareExpression, hasTemplate, syntaxProblem, templateExpressions } from './expressions';
import { edgePort, topologicalOrder, type GraphEdge } from './graph';
import type { StepRegistry } from './registry';

export type ValidationResult = { valid: true; workflow: WorkflowDocument; errors: [] } | { valid: false; errors: WorkflowProblem[] };

/** `['nodes', 2, 'params', 'url']` → `nodes[2].params.url`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '$';
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur = root;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[part as string];
  }
  return cur;
}

/** True when the value at path (or any parent on the way) is text with a `{{ }}` template. */
function templatedAt(root: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  for (let i = 0; i <= path.length; i++) {
    const v = valueAt(root, path.slice(0, i));
    if (typeof v === 'string' && hasTemplate(v)) return true;
  }
  return false;
}

/** A number field holding text the founder typed ("1,5", "ten") says so in words, quoting the text. */
function paramMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof value === 'string') {
    return `must be a number; "${value.length > 40 ? `${value.slice(0, 40)}…` : value}" is not one`;
  }
  return issue.message;
}

/** True when the value at path, or a parent on the way, is a JSON field's unparsed text (reported as such). */
function unparsedAt(root: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  for (let i = 0; i <= path.length; i++) if (unparsedJsonText(valueAt(root, path.slice(0, i))) !== undefined) return true;
  return false;
}

function zodProblems(error: z.ZodError, root: unknown): WorkflowProblem[] {
  return error.issues.filter((issue) => !unparsedAt(root, issue.path)).map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

/** Every JSON field kept as typed because its text does not parse (`unparsedJson`), by path. */
function checkUnparsedJson(value: unknown, path: PropertyKey[], problems: WorkflowProblem[]): void {
  const text = unparsedJsonText(value);
  if (text !== undefined) {
    try {
      JSON.parse(text);
      problems.push({ path: jsonPath(path), message: 'is JSON text kept as a draft: open it in the editor to use it' });
    } catch (err) {
      problems.push({ path: jsonPath(path), message: jsonSyntaxReason(err) });
    }
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => checkUnparsedJson(v, [...path, i], problems));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) checkUnparsedJson(v, [...path, k], problems);
}

/**
 * Checks a workflow file and returns every problem, each named by JSON path:
 * structure (the file format), unknown step types, params failing the step's schema,
 * expression syntax, a class lower than the step type's own, duplicate ids, edges to missing
 * nodes or ports, cycles, nodes unreachable from the trigger, and cron expression/timezone.
 *
 * Reachability rule: the trigger feeds every entry node (a node with no incoming edge).
 * A node is reachable when a path of valid edges leads to it from an entry node; with no
 * cycles every node is, so an unreachable node is one fed only from a cycle or only through
 * edges that are themselves invalid.
 */
export function validateWorkflow(raw: unknown, registry: StepRegistry): ValidationResult {
  const problems: WorkflowProblem[] = [];
  const parsed = workflowDocumentSchema.safeParse(raw);
  if (!parsed.success) problems.push(...zodProblems(parsed.error, raw));
  if (!isObject(raw)) return { valid: false, errors: problems.length ? problems : [{ path: '$', message: 'must be a JSON object' }] };
  checkUnparsedJson(raw, [], problems);

  checkTrigger(raw.trigger, problems);
  const nodes = Array.isArray(raw.nodes) ? raw.nodes : [];
  const edges = Array.isArray(raw.edges) ? raw.edges : [];
  const portsOf = checkNodes(nodes, registry, problems);
  checkGraph(nodes, edges, portsOf, registry, problems);

  const unique = dedupe(problems);
  if (unique.length > 0 || !parsed.success) return { valid: false, errors: unique };
  return { valid: true, workflow: parsed.data, errors: [] };
}

function dedupe(problems: WorkflowProblem[]): WorkflowProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function checkTrigger(trigger: unknown, problems: WorkflowProblem[]): void {
  if (!isObject(trigger)) return;
  if (trigger.type === 'manual' && isObject(trigger.input)) {
    for (const name of badInputFieldNames(trigger.input)) problems.push({ path: jsonPath(['trigger', 'input', name]), message: inputFieldNameRule });
  }
  if (trigger.type === 'cron') {
    const tz = typeof trigger.timezone === 'string' ? trigger.timezone : 'UTC';
    if (typeof trigger.timezone === 'string' && !isValidTimezone(trigger.timezone)) {
      problems.push({ path: 'trigger.timezone', message: `"${trigger.timezone}" is not an IANA timezone (e.g. Europe/London)` });
    }
    if (typeof trigger.expr === 'string' && trigger.expr.trim() !== '') {
      const why = cronProblem(trigger.expr, tz);
      if (why) problems.push({ path: 'trigger.expr', message: `"${trigger.expr}" is not a valid cron expression: ${why}` });
    }
    if (typeof trigger.catchUpWindow === 'string' && (parseDuration(trigger.catchUpWindow) ?? 0) <= 0) {
      problems.push({ path: 'trigger.catchUpWindow', message: 'must be longer than 0' });
    }
  }
  // an empty event is "is required" (the file format's check), not an unknown one
  if (trigger.type === 'event' && typeof trigger.event === 'string' && trigger.event !== '' && !(eventNames as string[]).includes(trigger.event)) {
    problems.push({ path: 'trigger.event', message: `unknown event "${trigger.event}" (known: ${eventNames.join(', ')})` });
  }
}

/** Checks each node; returns the ports of every node whose type is known, by id. */
function checkNodes(nodes: unknown[], registry: StepRegistry, problems: WorkflowProblem[]): Map<string, readonly string[]> {
  const ports = new Map<string, readonly string[]>();
  const firstIndex = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (!isObject(node)) return;
    const at = (...rest: PropertyKey[]) => jsonPath(['nodes', i, ...rest]);
    const id = typeof node.id === 'string' ? node.id : undefined;
    if (id !== undefined) {
      const first = firstIndex.get(id);
      if (first !== undefined) problems.push({ path: at('id'), message: `duplicate id "${id}" (also nodes[${first}])` });
      else firstIndex.set(id, i);
    }
    if (typeof node.type !== 'string') return;
    const step = registry.get(node.type);
    if (!step) {
      problems.push({ path: at('type'), message: `unknown step type "${node.type}" (known: ${registry.types.join(', ')})` });
      return;
    }
    if (id !== undefined && !ports.has(id)) ports.set(id, step.ports);

    const rawParams = node.params === undefined ? {} : node.params;
    // as written, as the editor shows it: a template or a bad value keeps the type's own class
    const floor: StepClass = registry.floorClass(step, rawParams);
    if (isObject(rawParams)) {
      const result = step.params.safeParse(rawParams);
      if (!result.success) {
        for (const issue of result.error.issues) {
          // a value written as a template is only known at run time; it is checked then
          if (templatedAt(rawParams, issue.path)) continue;
          if (unparsedAt(rawParams, issue.path)) continue;
          problems.push({ path: at('params', ...issue.path), message: paramMessage(issue, valueAt(rawParams, issue.path)) });
        }
      }
      checkExpressions(rawParams, new Set(step.expressionParams ?? []), ['nodes', i, 'params'], problems);
    }

    const nodeClass = node.class;
    if ((nodeClass === 'A' || nodeClass === 'B' || nodeClass === 'C') && classRank(nodeClass) < classRank(floor)) {
      problems.push({ path: at('class'), message: `is ${nodeClass}, lower than class ${floor} of a ${step.type} step like this one (a workflow may raise a class, never lower it)` });
    }
    const effective = registry.classInWorkflow(step, rawParams, { id: id ?? '', class: nodeClass === 'A' || nodeClass === 'B' || nodeClass === 'C' ? nodeClass : undefined }, nodes);
    const approval = node.approval;
    if (isObject(approval)) {
      if (approval.onTimeout === 'dry-run' && effective !== 'B') {
        problems.push({ path: at('approval', 'onTimeout'), message: `dry-run applies to Class B steps only; this step is class ${effective}` });
      }
    }
    const retry = node.retry;
    if (isObject(retry) && typeof retry.initialMs === 'number' && typeof retry.maxMs === 'number' && retry.initialMs > retry.maxMs) {
      problems.push({ path: at('retry', 'maxMs'), message: `must be at least initialMs (${retry.initialMs})` });
    }
  });
  return ports;
}

function checkExpressions(value: unknown, expressionKeys: ReadonlySet<string>, path: PropertyKey[], problems: WorkflowProblem[], depth = 0): void {
  if (unparsedJsonText(value) !== undefined) return;
  if (typeof value === 'string') {
    const key = path.at(-1);
    const isExpressionParam = depth === 1 && typeof key === 'string' && expressionKeys.has(key);
    const expressions = isExpressionParam ? [bareExpression(value)] : templateExpressions(value);
    for (const expr of expressions) {
      const why = expr === '' ? 'is an empty expression' : syntaxProblem(expr);
      if (why) problems.push({ path: jsonPath(path), message: why });
    }
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => checkExpressions(v, expressionKeys, [...path, i], problems, depth + 1));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) checkExpressions(v, expressionKeys, [...path, k], problems, depth + 1);
}

function checkGraph(nodes: unknown[], edges: unknown[], portsOf: Map<string, readonly string[]>, registry: StepRegistry, problems: WorkflowProblem[]): void {
  const ids: string[] = [];
  for (const n of nodes) if (isObject(n) && typeof n.id === 'string' && !ids.includes(n.id)) ids.push(n.id);
  const known = new Set(ids);
  const incoming = new Map<string, GraphEdge[]>(ids.map((id) => [id, []]));
  const outgoing = new Map<string, GraphEdge[]>(ids.map((id) => [id, []]));
  const hasIncoming = new Set<string>();
  const seenEdges = new Map<string, number>();

  edges.forEach((edge, i) => {
    if (!isObject(edge)) return;
    const from = typeof edge.from === 'string' ? edge.from : undefined;
    const to = typeof edge.to === 'string' ? edge.to : undefined;
    const fromPort = typeof edge.fromPort === 'string' ? edge.fromPort : undefined;
    if (to !== undefined) hasIncoming.add(to);
    let ok = from !== undefined && to !== undefined;
    if (from !== undefined && !known.has(from)) {
      problems.push({ path: `edges[${i}].from`, message: `no node has id "${from}"` });
      ok = false;
    }
    if (to !== undefined && !known.has(to)) {
      problems.push({ path: `edges[${i}].to`, message: `no node has id "${to}"` });
      ok = false;
    }
    let port: string | undefined;
    if (from !== undefined && known.has(from)) {
      const ports = portsOf.get(from);
      if (ports) {
        port = edgePort(fromPort, ports);
        if (port === undefined) {
          problems.push({ path: `edges[${i}].fromPort`, message: `is required: "${from}" has ports ${ports.join(' and ')}` });
          ok = false;
        } else if (!ports.includes(port)) {
          problems.push({ path: `edges[${i}].fromPort`, message: `"${from}" has no port "${port}" (its ports: ${ports.join(', ')})` });
          ok = false;
        }
      } else ok = false; // unknown step type: already reported on the node
    }
    if (!ok || from === undefined || to === undefined || port === undefined) return;
    const key = `${from}\u0000${port}\u0000${to}`;
    const dup = seenEdges.get(key);
    if (dup !== undefined) {
      problems.push({ path: `edges[${i}]`, message: `repeats edges[${dup}] (${from}.${port} → ${to})` });
      return;
    }
    seenEdges.set(key, i);
    const e: GraphEdge = { from, port, to };
    outgoing.get(from)?.push(e);
    incoming.get(to)?.push(e);
  });

  // cycles: whatever Kahn's algorithm cannot order lies on or behind a cycle
  const order = topologicalOrder(ids, incoming, outgoing);
  if (order.length < ids.length) {
    for (const cycle of findCycles(ids, outgoing)) {
      const closing = edges.findIndex((e) => isObject(e) && e.from === cycle.at(-1) && e.to === cycle[0]);
      problems.push({ path: closing >= 0 ? `edges[${closing}]` : 'edges', message: `creates a cycle: ${[...cycle, cycle[0]].join(' → ')}` });
    }
  }

  // reachability from the trigger through the entry nodes
  const reached = new Set<string>();
  const entries = ids.filter((id) => !hasIncoming.has(id));
  const stack = [...entries];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const e of outgoing.get(id) ?? []) stack.push(e.to);
  }
  if (ids.length > 0 && entries.length === 0) {
    problems.push({ path: 'nodes', message: 'has no entry node: every node has an incoming edge, so the trigger reaches none' });
  }
  const reported = new Set<string>();
  nodes.forEach((n, i) => {
    if (!isObject(n) || typeof n.id !== 'string' || reached.has(n.id) || reported.has(n.id)) return;
    reported.add(n.id);
    problems.push({ path: `nodes[${i}]`, message: `"${n.id}" is unreachable from the trigger (it is fed only from a cycle or through invalid edges)` });
  });
  void registry;
}

/** Elementary cycles, one per strongly connected component (enough to name each problem). */
function findCycles(ids: string[], outgoing: Map<string, GraphEdge[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const strong = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const e of outgoing.get(v) ?? []) {
      if (!indices.has(e.to)) {
        strong(e.to);
        low.set(v, Math.min(low.get(v) as number, low.get(e.to) as number));
      } else if (onStack.has(e.to)) low.set(v, Math.min(low.get(v) as number, indices.get(e.to) as number));
    }
    if (low.get(v) === indices.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      const selfLoop = (outgoing.get(v) ?? []).some((e) => e.to === v);
      if (comp.length > 1 || selfLoop) components.push(comp);
    }
  };
  for (const id of ids) if (!indices.has(id)) strong(id);
  // a concrete cycle inside each component: walk within it until a node repeats
  return components.map((comp) => {
    const inComp = new Set(comp);
    const start = ids.find((id) => inComp.has(id)) as string;
    const path: string[] = [start];
    const seenAt = new Map([[start, 0]]);
    let cur = start;
    for (;;) {
      const next = (outgoing.get(cur) ?? []).find((e) => inComp.has(e.to))?.to as string;
      const at = seenAt.get(next);
      if (at !== undefined) return path.slice(at);
      seenAt.set(next, path.length);
      path.push(next);
      cur = next;
    }
  });
}
