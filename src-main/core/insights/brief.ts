import { z } from 'zod';
import type { Insight, ThisWeekItem } from '../../../shared/contract/insights';
import { askStructured, type AiService } from '../ai';
import type { Clock } from '../clock';
import { inventedNumbers, ruleNumbers } from './brief-numbers';

/** How many insights the "this week" list names at most. */
export const thisWeekSize = 5;

/** How long a model's brief is reused while the insights read the same: opening the area again costs no tokens. */
export const briefReuseMs = 3_600_000;

const thisWeekItem = (i: Insight, why: string): ThisWeekItem => ({ id: i.id, area: i.area, severity: i.severity, finding: i.finding, why });

/** Without a model: the first insights in the rules' own rank (severity, then area), each with its impact as the reason. */
export function rulesThisWeek(insights: readonly Insight[]): ThisWeekItem[] {
  return insights.slice(0, thisWeekSize).map((i) => thisWeekItem(i, i.impact));
}

const numbersRule = (invented: number[]) =>
  `${invented.join(', ')} ${invented.length === 1 ? 'is not a number' : 'are not numbers'} the insights give: use only numbers written in them, exactly as written, and never work one out`;

/**
 * The model's answer, checked here beyond its JSON Schema: every id is an insight's, once, and
 * neither the narrative nor a reason carries a number the rules did not produce. A wrong answer
 * goes back to the model with these problems (askStructured's repair turns).
 */
export function briefAnswerSchema(insights: readonly Insight[]) {
  const ids = new Set(insights.map((i) => i.id));
  const allowed = ruleNumbers(insights);
  return z
    .object({
      ranking: z
        .array(z.object({ id: z.string(), why: z.string().min(1).max(300) }))
        .min(1)
        .max(Math.min(thisWeekSize, insights.length)),
      narrative: z.string().min(1).max(2000),
    })
    .superRefine((answer, ctx) => {
      const seen = new Set<string>();
      answer.ranking.forEach((r, n) => {
        if (!ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['ranking', n, 'id'], message: `no insight "${r.id}": use only the ids given` });
        else if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['ranking', n, 'id'], message: `"${r.id}" is listed twice` });
        seen.add(r.id);
        const invented = inventedNumbers(r.why, allowed);
        if (invented.length > 0) ctx.addIssue({ code: 'custom', path: ['ranking', n, 'why'], message: numbersRule(invented) });
      });
      const invented = inventedNumbers(answer.narrative, allowed);
      if (invented.length > 0) ctx.addIssue({ code: 'custom', path: ['narrative'], message: numbersRule(invented) });
    });
}

const instructions = [
  'You are the AI CEO of a small software business, in advisory mode: you advise the founder, you never act.',
  `The user message is the insights the app's rules found, as JSON. Pick at most ${thisWeekSize} the founder should deal with first this week, most important first, each with one short line saying why.`,
  'Then write a short narrative (three to six sentences) that ties them together for the founder.',
  'Numbers: use only numbers written in the insights, exactly as written there; never round, add up, convert or invent one. Refer to an insight by what it found, never by its id.',
].join('\n');

/** What the model reads of an insight: what the rules found and the numbers behind it. */
const promptOf = (insights: readonly Insight[]) =>
  JSON.stringify(insights.map((i) => ({ id: i.id, area: i.area, severity: i.severity, finding: i.finding, impact: i.impact, evidence: i.evidence, action: i.suggestedAction.label, class: i.class })));

/** The model's "this week" list and narrative over the rules' insights (feature `insights`), reused while they read the same. */
export class ModelBrief {
  private last: { key: string; at: number; brief: { thisWeek: ThisWeekItem[]; narrative: string } } | undefined;

  constructor(
    private readonly ai: AiService,
    private readonly clock: Clock,
  ) {}

  async write(insights: readonly Insight[], signal?: AbortSignal): Promise<{ thisWeek: ThisWeekItem[]; narrative: string }> {
    const prompt = promptOf(insights);
    const now = this.clock.now();
    if (this.last && this.last.key === prompt && now - this.last.at < briefReuseMs) return this.last.brief;
    const messages = [
      { role: 'system' as const, content: instructions },
      { role: 'user' as const, content: prompt },
    ];
    const answer = await askStructured(this.ai, { feature: 'insights', messages, ...(signal ? { signal } : {}) }, 'insights_brief', briefAnswerSchema(insights));
    const byId = new Map(insights.map((i) => [i.id, i]));
    const brief = { thisWeek: answer.ranking.map((r) => thisWeekItem(byId.get(r.id)!, r.why.trim())), narrative: answer.narrative.trim() };
    this.last = { key: prompt, at: now, brief };
    return brief;
  }
}
