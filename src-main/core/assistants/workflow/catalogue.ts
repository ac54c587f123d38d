import type { StepTypeInfo } from '../../../../shared/contract/workflows';
import type { TriggerTypeInfo } from './trigger-catalogue';

/** What the model is told it may build with: every step type and trigger type, read from the registry. */
export function catalogueText(stepTypes: readonly StepTypeInfo[], triggers: readonly TriggerTypeInfo[]): string {
  const steps = stepTypes.map((t) =>
    [
      `- ${t.type}: ${t.title}. ${t.description}`,
      `  class ${t.classNote ?? t.class}; ports: ${t.ports.join(', ')}${t.ports.length > 1 ? ' (edges from it must name fromPort)' : ''}`,
      `  params schema: ${JSON.stringify(t.paramsSchema)}`,
    ].join('\n'),
  );
  const trigger = triggers.map((t) => `- ${t.type}: ${t.description}\n  fields: ${JSON.stringify(t.optionsSchema)}`);
  return ['Step types (nothing else exists):', ...steps, '', 'Trigger types:', ...trigger].join('\n');
}
