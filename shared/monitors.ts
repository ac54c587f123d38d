import type { Monitor, MonitorTypeInfo } from './contract/guardian';

/** Fields whose flag is not the rule's (`--resend` is older than the rule). */
const namedFlags: Readonly<Record<string, string>> = { resendIntervalSeconds: 'resend' };

/**
 * The `levqor monitor add` flag of a monitor field, without the dashes: kebab-case, less a
 * "-seconds" ending (intervalSeconds → interval, expectedStatus → expected-status). The CLI
 * derives its options this way and the monitor form writes the same command.
 */
export function monitorFlag(field: string): string {
  return namedFlags[field] ?? field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/-seconds$/, '');
}

/** The JSON type of one of a type's settings (`string`, `number`, `integer`, `boolean`). */
export function settingKind(info: MonitorTypeInfo, field: string): string | undefined {
  const props = (info.settingsSchema.properties ?? {}) as Record<string, { type?: unknown } | undefined>;
  const type = props[field]?.type;
  return typeof type === 'string' ? type : undefined;
}

export function requiredSettings(info: MonitorTypeInfo): string[] {
  const required = info.settingsSchema.required;
  return Array.isArray(required) ? required.filter((k): k is string => typeof k === 'string') : [];
}

/** What a monitor watches, in a few words: its ping path, else its type's first setting, else the type's label. */
export function monitorTarget(m: Monitor, info: MonitorTypeInfo | undefined): string {
  if (m.pushPath) return m.pushPath;
  const first = info ? Object.keys(info.ui)[0] : undefined;
  const value = first === undefined ? undefined : m[first];
  if (value !== undefined && value !== null && value !== '') return String(value);
  return info?.label ?? m.type;
}

/** An HTTPS monitor warns this many days before its server's certificate expires. */
export const certificateWarnDays = 14;

/**
 * The warning for a monitor's certificate, or undefined while it has more than
 * certificateWarnDays left (or there is none): "certificate expires in 5 days", "… expired 2 days ago".
 */
export function certificateWarning(certificate: Monitor['certificate'], now: number): string | undefined {
  if (!certificate) return undefined;
  const days = (certificate.validTo - now) / 86_400_000;
  if (days >= certificateWarnDays) return undefined;
  if (days < 0) {
    const ago = Math.ceil(-days);
    return `certificate expired ${ago} day${ago === 1 ? '' : 's'} ago`;
  }
  const left = Math.floor(days);
  return left === 0 ? 'certificate expires within a day' : `certificate expires in ${left} day${left === 1 ? '' : 's'}`;
}
