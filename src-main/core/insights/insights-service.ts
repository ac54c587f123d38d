import type { Insight, InsightActResult, InsightHistoryItem, InsightsBrief } from '../../../shared/contract/insights';
import { redact, type AiService } from '../ai';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import type { Db } from '../db/open';
import type { Logger } from '../logger';
import { ModelBrief, rulesThisWeek } from './brief';
import { InsightHistory, type HistoryFilter } from './history-store';
import type { InsightRule } from './rule-kit';
import { insightRules } from './rules';
import type { InsightSources } from './sources';

/** What acting on an insight may do, as createCore hands it over: both need the founder's say before anything runs. */
export interface InsightActions {
  /** Saves a workflow document as a disabled draft; nothing runs or is scheduled. */
  saveWorkflowDraft(workflow: Record<string, unknown>): { id: string; name: string };
  /** Asks for the founder's approval of a step of Guardian's healing plan. */
  requestHealing(stepId: string): { id: string };
}

export interface InsightsDeps {
  sources: InsightSources;
  actions: InsightActions;
  db: Db;
  clock: Clock;
  log: Logger;
  /** The model layer, for the brief (a getter: createCore builds it after the insights). */
  ai: AiService;
  /** Tests only: another list of rules. */
  rules?: readonly InsightRule[];
}

const severityOrder = { critical: 0, warning: 1, info: 2 } as const;
const areaOrder = { reliability: 0, revenue: 1, ux: 2, growth: 3 } as const;

/**
 * The AI CEO in advisory mode: deterministic rules over the owning services' data, ranked.
 * Nothing runs on its own; `act` turns an insight's suggestion into a draft or an approval request.
 */
export class InsightsService {
  private readonly history: InsightHistory;
  private readonly modelBrief: ModelBrief;

  constructor(private readonly d: InsightsDeps) {
    this.history = new InsightHistory(d.db);
    this.modelBrief = new ModelBrief(d.ai, d.clock);
  }

  /** Every rule's findings but those dismissed as they read now, most severe first (then reliability, revenue, ux, growth); rank 1 is the first. */
  list(): { at: number; insights: Insight[] } {
    const now = this.d.clock.now();
    const found: Omit<Insight, 'rank'>[] = [];
    for (const rule of this.d.rules ?? insightRules) {
      try {
        for (const f of rule.evaluate({ sources: this.d.sources, now })) found.push({ ...f, rule: rule.id, area: rule.area });
      } catch (err) {
        // one unreadable source must not cost the founder the other insights
        this.d.log.warn({ rule: rule.id, err: err instanceof Error ? err.message : String(err) }, 'insight rule could not be read');
      }
    }
    const dismissed = this.history.dismissedFindings();
    // a dismissal holds while the finding reads the same: changed numbers bring it back
    const kept = found.filter((f) => dismissed.get(f.id) !== f.finding);
    kept.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || areaOrder[a.area] - areaOrder[b.area] || a.id.localeCompare(b.id));
    const insights = kept.map((f, i) => ({ ...f, rank: i + 1 }));
    this.history.shown(insights, now);
    return { at: now, insights };
  }

  /**
   * The insights with a "this week" list and a narrative from the model; the numbers stay the
   * rules' own (the model's answer is refused while it carries any other). Without a model, or
   * when its answer stays wrong: the rules' ranking, no narrative, and why in one line.
   */
  async brief(signal?: AbortSignal): Promise<InsightsBrief> {
    const { at, insights } = this.list();
    if (insights.length === 0) return { at, insights, thisWeek: [], narrative: null, source: 'rules', reason: 'Nothing the rules flag right now, so there is nothing to rank.' };
    try {
      return { at, insights, ...(await this.modelBrief.write(insights, signal)), source: 'model' };
    } catch (err) {
      if (!(err instanceof CoreError) || err.code === 'CANCELLED') throw err;
      // the reason reaches the page: a server's error text could quote a key back
      return { at, insights, thisWeek: rulesThisWeek(insights), narrative: null, source: 'rules', reason: redact(err.message, []) };
    }
  }

  /** Past insights, last shown first, with what the founder did about each; optionally only some. */
  pastInsights(limit: number, filter: HistoryFilter = {}): { items: InsightHistoryItem[] } {
    return { items: this.history.list(limit, filter) };
  }

  /** Carries out an insight's suggested action as of now: a disabled workflow draft, a healing request, or the area to open. */
  act(id: string): InsightActResult {
    const insight = this.current(id);
    const result = this.carryOut(insight.suggestedAction);
    this.history.acted(id, result, this.d.clock.now());
    return result;
  }

  /** Leaves the insight out of the list while its finding reads as it does now; the history keeps the dismissal. */
  dismiss(id: string): { id: string; dismissedAt: number } {
    const insight = this.current(id);
    const dismissedAt = this.d.clock.now();
    this.history.dismissed(id, insight.finding, dismissedAt);
    return { id, dismissedAt };
  }

  private current(id: string): Insight {
    const insight = this.list().insights.find((i) => i.id === id);
    if (!insight) throw new CoreError('NOT_FOUND', `id: no insight "${id}" now (it may be resolved or dismissed already); read insights.list again`, 'id');
    return insight;
  }

  private carryOut(action: Insight['suggestedAction']): InsightActResult {
    switch (action.kind) {
      case 'workflow-draft': {
        const saved = this.d.actions.saveWorkflowDraft(action.workflow);
        return { kind: 'workflow-draft', workflowId: saved.id, name: saved.name };
      }
      case 'healing':
        return { kind: 'healing', approvalId: this.d.actions.requestHealing(action.stepId).id };
      case 'open-area':
        return { kind: 'open-area', area: action.area };
    }
  }
}
