import type { ParamField } from './schema-fields';

interface Props {
  id: string;
  field: ParamField;
  value: string;
  className: string;
  describedBy?: string | undefined;
  onChange(value: string): void;
}

/** A schema field's options; the empty first entry names the default, or asks to choose. */
export function FieldSelect({ id, field, value, className, describedBy, onChange }: Props) {
  return (
    <select id={id} className={className} value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
      <option value="">{field.defaultValue !== undefined ? `Default (${String(field.defaultValue)})` : '— choose —'}</option>
      {field.options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}
