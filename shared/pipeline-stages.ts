/**
 * The sales pipeline's stages. `open` stages run in order; `ends` close an item. A lead is won
 * or lost; a DFY request is delivered or cancelled. `main` is the happy path (open stages and
 * the good end), what conversion rates are measured along.
 */
export const leadStages = ['new', 'contacted', 'qualified', 'won', 'lost'] as const;
export const dfyStages = ['new', 'scoped', 'quoted', 'paid', 'in_progress', 'delivered', 'cancelled'] as const;

export type LeadStage = (typeof leadStages)[number];
export type DfyStage = (typeof dfyStages)[number];
export type PipelineKind = 'lead' | 'dfy';
export type PipelineStage = LeadStage | DfyStage;

export interface StageModel {
  kind: PipelineKind;
  all: readonly string[];
  /** The happy path in order: open stages, then the good end. */
  main: readonly string[];
  /** Stages that close the item. */
  ends: readonly string[];
  /** The stage after which skipping is refused (money): a DFY request is never past `paid` without it. */
  mustPass?: string;
}

export const stageModels: Record<PipelineKind, StageModel> = {
  lead: { kind: 'lead', all: leadStages, main: ['new', 'contacted', 'qualified', 'won'], ends: ['won', 'lost'] },
  dfy: { kind: 'dfy', all: dfyStages, main: ['new', 'scoped', 'quoted', 'paid', 'in_progress', 'delivered'], ends: ['delivered', 'cancelled'], mustPass: 'paid' },
};

/** How a stage reads to the founder: `in_progress` is "in progress". */
export function stageLabel(stage: string): string {
  return stage.replace(/_/g, ' ');
}

/**
 * Whether moving from `from` to `to` goes back: to an earlier main-path stage, out of an end
 * (reopening), or from one end to the other. A move back needs a note saying why.
 */
export function isBackMove(model: StageModel, from: string, to: string): boolean {
  const toRank = model.main.indexOf(to);
  return model.ends.includes(from) || (toRank !== -1 && toRank < model.main.indexOf(from));
}
