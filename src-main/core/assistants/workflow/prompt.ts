import type { AiMessage } from '../../ai';
import type { StepTypeInfo } from '../../../../shared/contract/workflows';
import { catalogueText } from './catalogue';
import type { TriggerTypeInfo } from './trigger-catalogue';

const rules = [
  'You design workflows for the Levqor X workflow engine from what the founder asks. Answer with JSON only, fitting the given schema.',
  'Use only the step types and trigger types listed below, with params that fit each type\u2019s params schema. Params go in paramsJson as the text of a JSON object; the trigger\u2019s fields besides type go in optionsJson.',
  'Node ids are unique (letters, digits, _ and -, starting with a letter). Edges go from a step to the next; edges from a step with more than one port name fromPort; steps with no incoming edge start when the trigger fires. No cycles.',
  'Params may use {{ }} templates over the run context: trigger (the run\u2019s input) and steps.<id>.output (a finished step\u2019s output).',
  'A problem reported as workflow.nodes[i].params.<name> is in that node\u2019s paramsJson; workflow.trigger.<name> is in optionsJson.',
  'The founder reviews the result in the editor before anything runs: explain in a few plain sentences what it does, and what they must fill in (addresses, chat ids) if anything.',
];

/** The messages that ask for a new workflow, or for a change of `current` when given. */
export function workflowMessages(text: string, stepTypes: readonly StepTypeInfo[], triggers: readonly TriggerTypeInfo[], current?: Record<string, unknown>): AiMessage[] {
  const system: AiMessage = { role: 'system', content: `${rules.join('\n')}\n\n${catalogueText(stepTypes, triggers)}` };
  if (!current) return [system, { role: 'user', content: text }];
  const ask = `The current workflow (the file format):\n${JSON.stringify(current)}\n\nAnswer with the whole workflow, changed so that: ${text}\nKeep the ids of the steps that stay.`;
  return [system, { role: 'user', content: ask }];
}
