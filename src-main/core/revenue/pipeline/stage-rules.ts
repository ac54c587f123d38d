import { isBackMove, stageLabel, stageModels, type PipelineKind, type StageModel } from '../../../../shared/pipeline-stages';
import { badInput } from '../../errors';

/** A stage's place on the main path; an end off the path (lost, cancelled) has none. */
export function mainRank(model: StageModel, stage: string): number {
  return model.main.indexOf(stage);
}

const isEnd = (model: StageModel, stage: string) => model.ends.includes(stage);

/**
 * Whether a move from `from` to `to` is allowed, and why not. The rules:
 * - forward along the main path, skipping stages if need be — except that a DFY request never
 *   skips `paid` (it is a money fact: it must be recorded on its own);
 * - from any open stage to the bad end (lost, cancelled);
 * - back (to an earlier stage, out of an end, or from one end to the other) only with a note
 *   saying why;
 * - never to the stage it is in.
 * Returns the refusal as a sentence naming the rule, or undefined when the move is allowed.
 */
export function moveProblem(kind: PipelineKind, from: string, to: string, note: string | undefined): string | undefined {
  const model = stageModels[kind];
  if (!model.all.includes(to)) return `must be one of ${model.all.join(', ')}`;
  if (from === to) return `the ${kind === 'lead' ? 'lead' : 'DFY request'} is already ${stageLabel(to)}`;
  const fromRank = mainRank(model, from);
  const toRank = mainRank(model, to);
  if (isBackMove(model, from, to)) {
    return note && note.trim() !== '' ? undefined : `moving back from ${stageLabel(from)} to ${stageLabel(to)} needs a note saying why (--note)`;
  }
  if (toRank === -1) return undefined; // an open item to the bad end
  if (model.mustPass !== undefined) {
    const gate = mainRank(model, model.mustPass);
    if (fromRank < gate && toRank > gate) return `a DFY request must be marked ${model.mustPass} before it moves to ${stageLabel(to)} (it is ${stageLabel(from)})`;
  }
  return undefined;
}

/** Throws the refusal as BAD_INPUT on `stage`. */
export function checkMove(kind: PipelineKind, from: string, to: string, note: string | undefined): void {
  const problem = moveProblem(kind, from, to, note);
  if (problem) throw badInput('stage', problem);
}

/**
 * Which of two stages the shared Postgres keeps when the site changed an item's stage while
 * a founder's move waited to be written: the one further along the main path (an end counts
 * as furthest). Between two ends, or equal ranks, the site's stays.
 */
export function stageThatWins(kind: PipelineKind, site: string, founder: string): 'site' | 'founder' {
  const model = stageModels[kind];
  const rank = (s: string) => (isEnd(model, s) ? model.main.length : mainRank(model, s));
  if (isEnd(model, site)) return 'site';
  return rank(founder) > rank(site) ? 'founder' : 'site';
}
