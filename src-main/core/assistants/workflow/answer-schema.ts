import { z } from 'zod';
import type { StepTypeInfo } from '../../../../shared/contract/workflows';

/**
 * The model's answer as response_format json_schema (strict) carries it, built from the
 * registry's step types and the file format's trigger types, so a new step type is offered the
 * moment it is registered. Params differ per step type, and strict mode allows no open objects,
 * so params travel as JSON text (`paramsJson`) that the engine's own validator then checks.
 */
export function workflowAnswerSchema(stepTypes: readonly StepTypeInfo[], triggerTypes: readonly string[]) {
  const stepType = z.enum(stepTypes.map((t) => t.type) as [string, ...string[]]);
  const triggerType = z.enum(triggerTypes as [string, ...string[]]);
  return z.object({
    explanation: z.string().describe('What the workflow does and why it is built this way, in a few sentences for the founder'),
    workflow: z.object({
      name: z.string(),
      description: z.string(),
      trigger: z.object({
        type: triggerType,
        optionsJson: z.string().describe('The trigger\u2019s fields besides type, as a JSON object text, e.g. {"expr":"0 9 * * 1-5","timezone":"Europe/London"}; "{}" when none'),
      }),
      nodes: z.array(
        z.object({
          id: z.string().describe('letters, digits, _ and -; starts with a letter'),
          type: stepType,
          name: z.string(),
          paramsJson: z.string().describe('The step\u2019s params as a JSON object text that fits its type\u2019s params schema'),
        }),
      ),
      edges: z.array(z.object({ from: z.string(), fromPort: z.string().nullable().describe('the port of a branching step (e.g. true/false); null otherwise'), to: z.string() })),
    }),
  });
}

export type WorkflowAnswer = z.output<ReturnType<typeof workflowAnswerSchema>>;

type Doc = Record<string, unknown>;

/** JSON text that must hold an object: the object, or why not (naming the answer's field). */
function objectFrom(text: string, field: string): { value: Doc } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() === '' ? '{}' : text);
  } catch (err) {
    return { problem: `${field}: is not JSON text (${err instanceof Error ? err.message : String(err)})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { problem: `${field}: must be the text of a JSON object` };
  return { value: value as Doc };
}

/** The answer as a workflow document (as the file format writes it), or the fields whose JSON text does not parse. */
export function answerDocument(answer: WorkflowAnswer): { document: Doc; problems: string[] } {
  const problems: string[] = [];
  const take = (text: string, field: string): Doc => {
    const r = objectFrom(text, field);
    if ('problem' in r) problems.push(r.problem);
    return 'value' in r ? r.value : {};
  };
  const w = answer.workflow;
  const { type: _ignored, ...options } = take(w.trigger.optionsJson, 'workflow.trigger.optionsJson');
  const document: Doc = {
    name: w.name,
    ...(w.description.trim() ? { description: w.description } : {}),
    trigger: { type: w.trigger.type, ...options },
    nodes: w.nodes.map((n, i) => ({ id: n.id, type: n.type, ...(n.name.trim() ? { name: n.name } : {}), params: take(n.paramsJson, `workflow.nodes.${i}.paramsJson`) })),
    edges: w.edges.map((e) => ({ from: e.from, ...(e.fromPort ? { fromPort: e.fromPort } : {}), to: e.to })),
  };
  return { document, problems };
}
