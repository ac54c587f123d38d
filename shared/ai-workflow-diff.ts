import type { WorkflowDiff } from './contract/ai-workflow';

/** One line of a proposed change: added, removed or changed, with params as `key: before → after`. */
export interface DiffLine {
  sign: '+' | '-' | '~';
  text: string;
  detail: string[];
}

const show = (v: unknown) => (v === null || v === undefined ? '(not set)' : JSON.stringify(v));
const edge = (e: { from: string; fromPort?: string | undefined; to: string }) => `${e.from}${e.fromPort ? `.${e.fromPort}` : ''} → ${e.to}`;

/** The diff in words, the same in the CLI and the editor: name, trigger, steps, then edges. */
export function diffLines(d: WorkflowDiff): DiffLine[] {
  const line = (sign: DiffLine['sign'], text: string, detail: string[] = []): DiffLine => ({ sign, text, detail });
  return [
    ...(d.name ? [line('~', `name: ${d.name.before} → ${d.name.after}`)] : []),
    ...(d.trigger ? [line('~', 'trigger', [`${show(d.trigger.before)} → ${show(d.trigger.after)}`])] : []),
    ...d.added.map((s) => line('+', `step ${s.id} (${s.type})`)),
    ...d.removed.map((s) => line('-', `step ${s.id} (${s.type})`)),
    ...d.changed.map((s) => line('~', `step ${s.id} (${s.type})${s.fields.length ? `: ${s.fields.join(', ')} changed` : ''}`, s.params.map((p) => `${p.key}: ${show(p.before)} → ${show(p.after)}`))),
    ...d.edgesAdded.map((e) => line('+', `edge ${edge(e)}`)),
    ...d.edgesRemoved.map((e) => line('-', `edge ${edge(e)}`)),
  ];
}
