import type { StepClass } from './workflow';

/**
 * A node as the sending rule reads it. Loose types: the validator reads documents as written,
 * the runner and the editor read typed ones.
 */
export interface SendingNode {
  id: string;
  params: unknown;
  /** The node's class from its type and params, raised by its own `class`; never raised by this rule. */
  cls: StepClass;
  /** Its type delivers what it is given outside the app even at Class A (notify.founder: the founder's channels). */
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
 * or C, or a type that delivers at Class A, e.g. notify.founder) names it in its params,
 * directly or through nodes that carry it (a transform of it, a step whose params use it).
 * A step type with `classWhenSent` (ai.generate) takes that class when this is true.
 */
export function outputIsSent(id: string, nodes: readonly SendingNode[]): boolean {
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
