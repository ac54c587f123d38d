import type { StepClassRule } from './step-class';
import { stepClassOf } from './step-class';
import { classRank, type StepClass } from './workflow';

/**
 * What the sending rule needs of a step type besides its class rule; `workflows.stepTypes`
 * carries both fields, so the editor reads the same rule as the registry.
 */
export interface SendingRule extends StepClassRule {
  /** The class a step of this type takes once its output is sent out (ai.generate: B). */
  classWhenSent?: StepClass | undefined;
  /** The type delivers what it is given outside the app although its class is A (notify.founder). */
  sendsOut?: boolean | undefined;
}

/** A node as the sending rule reads it. */
interface SendingNode {
  id: string;
  params: unknown;
  /** The node's class from its type and params, raised by its own `class`; never raised by this rule. */
  cls: StepClass;
  sendsOut: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `params` name `steps.<id>` (or ``steps.`<id>` ``) in a template or expression. A
 * plain text search over the params as JSON: it may see a reference where there is none (in a
 * literal string), which only ever raises a class, never lowers one.
 */
export function paramsReferenceStep(params: unknown, id: string): boolean {
  const text = JSON.stringify(params ?? null);
  if (!text.includes('steps')) return false;
  const name = escapeRegExp(id);
  return new RegExp(`steps\\s*\\.\\s*(?:${name}|\`${name}\`)(?![A-Za-z0-9_-])`).test(text);
}

/**
 * Whether the output of node `id` is sent out of the app: a node that sends outward (Class B
 * or C, or a type that delivers at Class A) names it in its params, directly or through nodes
 * that carry it (a transform of it, any step whose params use it).
 */
function outputIsSent(id: string, nodes: readonly SendingNode[]): boolean {
  const carriers = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of nodes) {
      if (carriers.has(node.id)) continue;
      if (![...carriers].some((c) => paramsReferenceStep(node.params, c))) continue;
      if (node.cls !== 'A' || node.sendsOut) return true;
      carriers.add(node.id);
      grew = true;
    }
  }
  return false;
}

/** The workflow's nodes as written (documents may be drafts): those of a known type, with their own class. */
function sendingNodes(nodes: readonly unknown[], ruleOf: (type: string) => SendingRule | undefined): SendingNode[] {
  return nodes.flatMap((raw) => {
    if (raw === null || typeof raw !== 'object') return [];
    const node = raw as { id?: unknown; type?: unknown; params?: unknown; class?: unknown };
    const rule = typeof node.type === 'string' ? ruleOf(node.type) : undefined;
    if (!rule || typeof node.id !== 'string') return [];
    return [{ id: node.id, params: node.params, cls: stepClassOf(rule, node.params, node.class), sendsOut: rule.sendsOut === true }];
  });
}

/**
 * A node's class in its workflow: `cls` (what stepClassOf gives), raised to its type's
 * `classWhenSent` when a node that sends outward uses its output. The registry (validator,
 * runner, the stage's Class B list) and the editor's canvas and side panel all call this.
 */
export function classWhenSentOf(cls: StepClass, rule: SendingRule, id: string, nodes: readonly unknown[], ruleOf: (type: string) => SendingRule | undefined): StepClass {
  const whenSent = rule.classWhenSent;
  if (!whenSent || classRank(cls) >= classRank(whenSent)) return cls;
  return outputIsSent(id, sendingNodes(nodes, ruleOf)) ? whenSent : cls;
}
