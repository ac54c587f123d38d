import type { ReactNode } from 'react';
import type { RetentionPolicy } from '../../../../shared/backup';
import { numberFromText } from '../../format/number';
import type { Text } from './use-text-fields';

/** The keep counts the page's plan forms offer (the rest of restic's policy is for the command line). */
const keeps = [
  ['keepLast', 'Keep last'],
  ['keepDaily', 'Keep daily'],
  ['keepWeekly', 'Keep weekly'],
  ['keepMonthly', 'Keep monthly'],
] as const;

/** The keep counts typed, over `kept` (the parts of a policy the form does not show stay). */
export function retentionOf(t: Text, kept: RetentionPolicy): RetentionPolicy {
  const policy: Record<string, unknown> = { ...kept };
  for (const [key] of keeps) {
    if (t[key]?.trim()) policy[key] = numberFromText(t[key]);
    else delete policy[key];
  }
  return policy as RetentionPolicy;
}

/** The keep counts of a policy as the form's text. */
export function keepTexts(policy: RetentionPolicy): Text {
  return Object.fromEntries(keeps.flatMap(([key]) => (policy[key] !== undefined ? [[key, String(policy[key])]] : [])));
}

export function keepFields(field: (key: string, label: string, props: { placeholder?: string; blames?: string }) => ReactNode): ReactNode[] {
  return keeps.map(([key, label]) => field(key, label, { placeholder: '—', blames: `retention.${key}` }));
}

/** The client typed (name, and email when given), or none. */
export function clientOf(t: Text): { name: string; email?: string } | undefined {
  return t.client?.trim() ? { name: t.client.trim(), ...(t.clientEmail?.trim() ? { email: t.clientEmail.trim() } : {}) } : undefined;
}
