/**
 * The colour a pill, dot or toned text takes (styles/primitives.css, the tone--* classes):
 * good, warning, bad, informational, planned (dry runs, drafts, maintenance), teal, muted.
 */
export type Tone = 'good' | 'warn' | 'bad' | 'info' | 'plan' | 'teal' | 'muted';

export function toneClass(tone: Tone): string {
  return `tone--${tone}`;
}
