import { z } from 'zod';
import { triggerSchema, triggerTypeNames } from '../../../../shared/workflow';
import { eventTriggerType } from '../../../../shared/triggers';

/** A trigger type as the prompt describes it: its name, when it fires, and its fields as JSON Schema. */
export interface TriggerTypeInfo {
  type: string;
  description: string;
  optionsSchema: Record<string, unknown>;
}

type BuiltInTrigger = 'manual' | 'cron' | 'event' | 'webhook';

/** The four trigger types of the file format have no title of their own elsewhere (the named event triggers do). */
const builtInDescriptions: Record<BuiltInTrigger, string> = {
  manual: 'started by the founder (Run button, levqor workflow run); optional input fields',
  cron: 'on a schedule: a 5-field cron expression (minute hour day-of-month month day-of-week) in an IANA timezone',
  event: 'when the app emits a contract event (event name), optionally filtered by a subset of its payload',
  webhook: 'when something POSTs to /hooks/<path>',
};

const isBuiltIn = (type: string): type is BuiltInTrigger => type in builtInDescriptions;

/** Every trigger type the file format accepts, with the JSON Schema of its fields besides `type`. */
export function triggerCatalogue(): TriggerTypeInfo[] {
  return triggerSchema.options.map((option) => {
    const type = option.shape.type.value;
    const { $schema: _ignored, properties, required, ...schema } = z.toJSONSchema(option, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const { type: _type, ...fields } = (properties ?? {}) as Record<string, unknown>;
    const stillRequired = Array.isArray(required) ? required.filter((r) => r !== 'type') : [];
    const description = isBuiltIn(type) ? builtInDescriptions[type] : (eventTriggerType(type)?.description ?? type);
    return { type, description, optionsSchema: { ...schema, properties: fields, ...(stillRequired.length ? { required: stillRequired } : {}) } };
  });
}

export const triggerTypes: readonly string[] = triggerTypeNames;
