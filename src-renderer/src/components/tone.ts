import type { OutcomeResult } from '../../../shared/contract/approvals';

/**
 * The colour a pill, dot or toned text takes (styles/primitives.css, the tone--* classes):
 * good, warning, bad, informational, planned (dry runs, drafts, maintenance), teal, muted.
 */
export type Tone = 'good' | 'warn' | 'bad' | 'info' | 'plan' | 'teal' | 'muted';

export function toneClass(tone: Tone): string {
  return `tone--${tone}`;
}

/**
 * The colour of an outcome, wherever one is shown (an approval's outcome, a healing action's,
 * an upload's): it follows how it turned out, never merely that something was done, so
 * "re-checked: … is DOWN" is red and "queued: no Google Drive credentials" amber.
 */
export const outcomeTone: Record<OutcomeResult, Tone> = { good: 'good', warn: 'warn', bad: 'bad', none: 'muted' };
