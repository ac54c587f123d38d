import { edgesOf, type Doc } from './doc-ops';

/** A path inside a value: object keys and array indexes. */
export type DataPath = ReadonlyArray<string | number>;

const plainName = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** One name in a JSONata path: as is when it is a plain name, else in backticks (`my-step`). */
function name(part: string): string {
  return plainName.test(part) ? part : `\`${part.replaceAll('`', '')}\``;
}

/**
 * The expression that reads a value the engine keeps for a run (core/workflows/README.md,
 * Expressions): `steps.<id>.output.<path>` for a step's output, `trigger.<path>` for the
 * run's input; array items as `[0]`.
 */
export function dataExpression(source: { step: string } | 'trigger', path: DataPath): string {
  let out = source === 'trigger' ? 'trigger' : `steps.${name(source.step)}.output`;
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `.${name(part)}`;
  return out;
}

/** A template that puts the expression's value into a param: `{{ steps.fetch.output.body.id }}`. */
export function template(expression: string): string {
  return `{{ ${expression} }}`;
}

/** The steps whose output reaches `nodeId` along edges (any number of steps back), nearest first. */
export function upstreamIds(doc: Doc, nodeId: string): string[] {
  const into = new Map<string, string[]>();
  for (const e of edgesOf(doc)) {
    const edge = e as { from?: unknown; to?: unknown };
    if (typeof edge.from !== 'string' || typeof edge.to !== 'string') continue;
    into.set(edge.to, [...(into.get(edge.to) ?? []), edge.from]);
  }
  const seen = new Set<string>([nodeId]);
  const out: string[] = [];
  let frontier = [nodeId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const from of into.get(id) ?? []) {
        if (seen.has(from)) continue;
        seen.add(from);
        out.push(from);
        next.push(from);
      }
    }
    frontier = next;
  }
  return out;
}
