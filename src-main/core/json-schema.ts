import { z } from 'zod';

/**
 * A zod schema as JSON Schema (draft 2020-12) of what a caller may send, for forms and command
 * lines that learn fields at run time (the workflow editor's params, Guardian's monitor
 * settings). A part JSON Schema cannot say (a refine, a transform) is left open, never fatal.
 */
export function inputJsonSchema(schema: z.ZodType): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return { type: 'object' };
  }
}

/** The `default` of each top-level property of an object's JSON Schema. */
export function jsonSchemaDefaults(jsonSchema: Record<string, unknown>): Record<string, unknown> {
  const props = (jsonSchema.properties ?? {}) as Record<string, { default?: unknown } | undefined>;
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v && 'default' in v).map(([k, v]) => [k, v!.default]));
}

/**
 * The widget a form draws for a property of this JSON Schema when its hint names none: a
 * select for an enum, a number field, a switch, key-value pairs for a string map, a text
 * field, and JSON for anything else.
 */
export function impliedWidget(property: Record<string, unknown>): 'select' | 'number' | 'boolean' | 'keyvalue' | 'text' | 'json' {
  if (Array.isArray(property.enum)) return 'select';
  if (property.type === 'number' || property.type === 'integer') return 'number';
  if (property.type === 'boolean') return 'boolean';
  const values = property.additionalProperties as { type?: unknown } | undefined;
  if (property.type === 'object' && typeof values === 'object' && values.type === 'string') return 'keyvalue';
  if (property.type === 'string') return 'text';
  return 'json';
}
