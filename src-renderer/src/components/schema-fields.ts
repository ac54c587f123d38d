import type { FieldHint } from '../../../shared/contract/workflows';

export type Widget = 'text' | 'textarea' | 'expression' | 'select' | 'number' | 'json' | 'keyvalue' | 'boolean' | 'duration' | 'workflow';

export interface ParamField {
  key: string;
  label: string;
  widget: Widget;
  required: boolean;
  placeholder: string | undefined;
  help: string | undefined;
  options: string[];
  defaultValue: unknown;
}

type Schema = { type?: unknown; enum?: unknown; properties?: Record<string, Schema>; required?: unknown; additionalProperties?: unknown; default?: unknown; description?: unknown; anyOf?: Schema[] };
const known: readonly Widget[] = ['text', 'textarea', 'expression', 'select', 'number', 'json', 'keyvalue', 'boolean', 'duration', 'workflow'];

/**
 * A form learned at run time (a step's params, a monitor type's settings): one field per
 * property of the JSON Schema, in the hints' order, shaped by the hints.
 */
export function schemaFields(jsonSchema: Record<string, unknown>, ui: Record<string, FieldHint>): ParamField[] {
  const schema = jsonSchema as Schema;
  const props = schema.properties ?? {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const order = [...Object.keys(ui), ...Object.keys(props).filter((k) => !(k in ui))];
  return order
    .filter((k) => k in props || k in ui)
    .map((key) => {
      const prop = props[key] ?? {};
      const hint = ui[key];
      const options = enumOf(prop);
      return {
        key,
        label: hint?.label ?? key,
        widget: pickWidget(hint?.widget, prop, options),
        required: required.has(key) && prop.default === undefined,
        placeholder: hint?.placeholder,
        help: hint?.help ?? (typeof prop.description === 'string' ? prop.description : undefined),
        options,
        defaultValue: prop.default,
      };
    });
}

function enumOf(prop: Schema): string[] {
  if (Array.isArray(prop.enum)) return prop.enum.map(String);
  const fromAny = (prop.anyOf ?? []).flatMap((s) => (Array.isArray(s.enum) ? s.enum.map(String) : []));
  return fromAny;
}

function pickWidget(hint: string | undefined, prop: Schema, options: string[]): Widget {
  if (hint && (known as readonly string[]).includes(hint)) return hint as Widget;
  if (options.length) return 'select';
  if (prop.type === 'number' || prop.type === 'integer') return 'number';
  if (prop.type === 'boolean') return 'boolean';
  if (prop.type === 'object' && typeof prop.additionalProperties === 'object' && (prop.additionalProperties as Schema).type === 'string') return 'keyvalue';
  if (prop.type === 'string') return 'text';
  return 'json';
}
