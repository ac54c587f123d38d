import type { PipelineStats } from '../../../../shared/contract/pipeline';
import { stageLabel, stageModels, type PipelineKind } from '../../../../shared/pipeline-stages';
import { mainRank } from './stage-rules';

/** What the stats read of one item: its stage now and when it entered each stage. */
export interface StageHistory {
  stage: string;
  stageTimes: Record<string, number>;
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The furthest main-path stage an item reached: the highest rank among the stages it has a
 * time for and the stage it is in (a lead lost after qualifying reached qualified).
 */
export function furthestRank(kind: PipelineKind, item: StageHistory): number {
  const model = stageModels[kind];
  let best = mainRank(model, item.stage);
  for (const stage of Object.keys(item.stageTimes)) best = Math.max(best, mainRank(model, stage));
  return best;
}

/**
 * Completed stays, stage by stage: the stages an item entered, ordered by time; each stay
 * runs from entering a stage to entering the next. The stay in the stage it is in now is not
 * complete and is left out.
 */
export function stays(item: StageHistory): Array<{ stage: string; ms: number }> {
  const entered = Object.entries(item.stageTimes).sort((a, b) => a[1] - b[1]);
  const out: Array<{ stage: string; ms: number }> = [];
  for (let i = 0; i + 1 < entered.length; i++) out.push({ stage: entered[i]![0], ms: entered[i + 1]![1] - entered[i]![1] });
  return out;
}

/**
 * Per stage: items in it now; items that reached it (furthest main-path rank at or past it);
 * conversion to the next main stage, reached(next) ÷ reached(this); the mean and median of
 * completed stays. Close rate: good end ÷ (good end + bad end). Overall conversion: good end ÷
 * all items.
 */
export function pipelineStats(kind: PipelineKind, items: readonly StageHistory[]): PipelineStats {
  const model = stageModels[kind];
  const furthest = items.map((item) => furthestRank(kind, item));
  const reachedRank = (rank: number) => furthest.filter((f) => f >= rank).length;
  const staysBy = new Map<string, number[]>();
  for (const item of items) {
    for (const s of stays(item)) {
      const list = staysBy.get(s.stage) ?? [];
      list.push(s.ms);
      staysBy.set(s.stage, list);
    }
  }
  const stages = model.all.map((stage) => {
    const rank = mainRank(model, stage);
    const reached = rank === -1 ? items.filter((i) => i.stage === stage).length : reachedRank(rank);
    const next = rank === -1 || rank + 1 >= model.main.length ? undefined : reachedRank(rank + 1);
    const list = (staysBy.get(stage) ?? []).sort((a, b) => a - b);
    return {
      stage,
      label: stageLabel(stage),
      count: items.filter((i) => i.stage === stage).length,
      reached,
      conversionToNext: next === undefined || reached === 0 ? null : next / reached,
      meanMs: list.length === 0 ? null : list.reduce((a, b) => a + b, 0) / list.length,
      medianMs: median(list),
      stays: list.length,
    };
  });
  const [good, bad] = model.ends as [string, string];
  const goodCount = items.filter((i) => i.stage === good).length;
  const closed = goodCount + items.filter((i) => i.stage === bad).length;
  return {
    total: items.length,
    stages,
    closeRate: closed === 0 ? null : goodCount / closed,
    overallConversion: items.length === 0 ? null : goodCount / items.length,
  };
}
