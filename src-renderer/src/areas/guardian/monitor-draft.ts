import type { Monitor, MonitorTypeInfo } from '../../../../shared/contract/guardian';
import { monitorFlag } from '../../../../shared/monitors';
import { schemaFields, type ParamField } from '../../components/schema-fields';

/** The common fields the form asks for (every type has them); a type's own come from guardian.monitorTypes. */
export const commonFormFields: ParamField[] = [
  { key: 'name', label: 'Name', widget: 'text', required: false, placeholder: 'from the URL or type', help: undefined, options: [], defaultValue: undefined },
  { key: 'intervalSeconds', label: 'Check every (seconds)', widget: 'number', required: false, placeholder: '60', help: 'push: the expected ping period', options: [], defaultValue: undefined },
  { key: 'retries', label: 'Retries before DOWN', widget: 'number', required: false, placeholder: '0', help: undefined, options: [], defaultValue: undefined },
  { key: 'timeoutSeconds', label: 'Timeout (seconds)', widget: 'number', required: false, placeholder: '80% of the interval, at most 48', help: undefined, options: [], defaultValue: undefined },
];

/** The type's own fields, as its settings schema and hints describe them. */
export function settingFields(info: MonitorTypeInfo): ParamField[] {
  return schemaFields(info.settingsSchema, info.ui);
}

/**
 * The form's text as guardian.addMonitor's input: numbers read, empty fields left out; a
 * field that cannot be sent gets its reason instead.
 */
export function draftInput(info: MonitorTypeInfo, text: Readonly<Record<string, string>>): { input: Record<string, unknown>; problems: Record<string, string> } {
  const input: Record<string, unknown> = { type: info.type };
  const problems: Record<string, string> = {};
  for (const f of formFields(info)) {
    const raw = (text[f.key] ?? '').trim();
    if (raw === '') {
      if (f.required) problems[f.key] = 'is required';
      continue;
    }
    if (f.widget === 'number') {
      if (!Number.isFinite(Number(raw))) problems[f.key] = 'must be a number';
      else input[f.key] = Number(raw);
    } else if (f.widget === 'boolean') input[f.key] = raw === 'true';
    else input[f.key] = raw;
  }
  return { input, problems };
}

/** Every field the form shows for this type: its own settings, then the common ones. */
export function formFields(info: MonitorTypeInfo): ParamField[] {
  return [...settingFields(info), ...commonFormFields];
}

/** A stored monitor as the form's text, for editing it. */
export function monitorText(info: MonitorTypeInfo, monitor: Monitor): Record<string, string> {
  const text: Record<string, string> = {};
  for (const f of formFields(info)) {
    const v = monitor[f.key];
    if (v === null || v === undefined) continue;
    text[f.key] = f.widget === 'boolean' ? (v === true ? 'true' : '') : String(v);
  }
  return text;
}

/**
 * An edit as guardian.updateMonitor's changes: only the fields whose text changed; an emptied
 * optional setting is cleared (null), an emptied common field or required setting is a problem.
 */
export function draftChanges(info: MonitorTypeInfo, before: Readonly<Record<string, string>>, text: Readonly<Record<string, string>>): { changes: Record<string, unknown>; problems: Record<string, string> } {
  const { input, problems } = draftInput(info, text);
  const changes: Record<string, unknown> = {};
  const optionalSettings = new Set(settingFields(info).filter((f) => !f.required).map((f) => f.key));
  for (const f of formFields(info)) {
    const now = (text[f.key] ?? '').trim();
    if (now === (before[f.key] ?? '').trim() || problems[f.key]) continue;
    if (now === '') {
      if (optionalSettings.has(f.key)) changes[f.key] = null;
      else problems[f.key] = 'must not be empty';
      continue;
    }
    changes[f.key] = input[f.key];
  }
  // an unchanged empty required field is not this edit's problem
  for (const key of Object.keys(problems)) if (problems[key] === 'is required' && (text[key] ?? '') === (before[key] ?? '')) delete problems[key];
  return { changes, problems };
}

/** A word as the shell reads it: quoted unless it is plain. */
function shellWord(value: string): string {
  return /^[\w./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The `levqor monitor add` command for this input (the CLI's flags follow the same rule, shared/monitors.ts). */
export function addCommand(input: Record<string, unknown>): string {
  const words = ['levqor', 'monitor', 'add', '--type', shellWord(String(input.type))];
  for (const [field, value] of Object.entries(input)) {
    if (field !== 'type') words.push(`--${monitorFlag(field)}`, shellWord(String(value)));
  }
  return words.join(' ');
}
