import { readPositionals, type CliContext, type ParsedArgs } from '../command';
import type { PanelOwn } from './entry';

export interface LaunchPlanStep {
  id: string;
  label: string;
  done: boolean;
  detail: string;
}

export interface LaunchPlan {
  slug: string;
  stage: string;
  steps: LaunchPlanStep[];
  /** The first step not done; none when the product is ready to sell. */
  next: LaunchPlanStep | null;
}

const usage = 'panel launch:plan SLUG';

/** The launch of one product in order: a valid spec, the seed's checklist, then the launch stage. */
async function launchPlan(ctx: CliContext, slug: string): Promise<LaunchPlan> {
  const validation = await ctx.call('products.validate', { slug });
  const specStep: LaunchPlanStep = {
    id: 'spec',
    label: 'Product spec is valid',
    done: validation.valid,
    detail: validation.valid ? 'valid' : validation.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '),
  };
  const checklist = validation.valid ? (await ctx.call('products.checklist', { slug })).steps : [];
  const stage = await ctx.call('stage.get', {});
  const stageStep: LaunchPlanStep = {
    id: 'stage',
    label: 'Launch stage is post-launch',
    done: stage.stage === 'post-launch',
    detail: stage.stage === 'post-launch' ? 'outside actions run without asking' : 'pre-launch: outside actions wait for approval (levqor stage preview post-launch, then levqor stage set post-launch)',
  };
  const steps = [specStep, ...checklist, stageStep];
  return { slug, stage: stage.stage, steps, next: steps.find((s) => !s.done) ?? null };
}

function showPlan(plan: LaunchPlan): string {
  const lines = plan.steps.map((s, i) => `${i + 1}. [${s.done ? 'x' : ' '}] ${s.label} — ${s.detail}`);
  return [`Launch plan for ${plan.slug} (stage ${plan.stage})`, ...lines, '', plan.next ? `Next: ${plan.next.label}` : 'Ready to sell.'].join('\n');
}

export const launchPlanEntry: PanelOwn = {
  args: 'SLUG',
  summary: 'The launch of one product in order (valid spec, Omega PNGs, Gumroad URL, Drive URL, launch stage) and the next step.',
  async run(ctx: CliContext, args: ParsedArgs) {
    const [slug] = readPositionals(args, ['SLUG'], usage);
    const plan = await launchPlan(ctx, slug);
    ctx.print(plan, () => showPlan(plan));
  },
};
