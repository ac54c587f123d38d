import type { Insight, InsightAction, InsightArea, InsightEvidence } from '../../../shared/contract/insights';
import type { StepClass } from '../../../shared/workflow';
import type { InsightSources } from './sources';

const hour = 3_600_000;
export const day = 24 * hour;
export const week = 7 * day;

/** What a rule reads: the sources and the moment the insights are read at. */
export interface RuleContext {
  sources: InsightSources;
  now: number;
}

/** A finding before ranking: everything but the rank, which the list gives. */
export type Finding = Omit<Insight, 'rank' | 'rule' | 'area'>;

/** One rule: its id, its area, and how it reads its sources (pure: same sources, same findings). */
export interface InsightRule {
  id: string;
  area: InsightArea;
  evaluate(ctx: RuleContext): Finding[];
}

/** A rule's identity on one line, then how it reads its sources. */
export const defineInsightRule = (rule: InsightRule): InsightRule => rule;

export const evidence = (source: string, label: string, value: number | string): InsightEvidence => ({ source, label, value });

export const openArea = (area: string, label: string): InsightAction => ({ kind: 'open-area', area, label });

/**
 * Guardian's healing step `<action>:<target>` of the current plan, as an action of the step's
 * own class, or an open-area fallback (Class A) when the plan has no such step it can apply.
 */
export function healingOr(ctx: RuleContext, step: { action: string; target: string; label: string }, fallback: InsightAction): { action: InsightAction; class: StepClass } {
  const found = ctx.sources.healingSteps().find((s) => s.id === `${step.action}:${step.target}`);
  return found ? { action: { kind: 'healing', stepId: found.id, label: step.label }, class: found.class } : { action: fallback, class: 'A' };
}

/** `3 h`, `2 days`: a duration a founder skims. */
export function span(ms: number): string {
  const hours = Math.round(ms / hour);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}

/** Minor units to `12.50 USD`. */
export const money = (minor: number, currency: string): string => `${(minor / 100).toFixed(2)} ${currency.toUpperCase()}`;

export const percent = (ratio: number): string => `${Math.round(ratio * 1000) / 10}%`;
