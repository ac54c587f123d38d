import { z } from 'zod';
import {
  onboardingAlertChannels,
  onboardingAnswersSchema,
  type OnboardingAnswersInput,
  type OnboardingDraft,
  type OnboardingItem,
  type OnboardingProposal,
  type OnboardingStatus,
} from '../../../../shared/contract/onboarding';
import type { AiService } from '../../ai';
import { CoreError } from '../../errors';
import type { SettingsService } from '../../settings';
import { answersFromText } from './answers-from-text';
import { draftsFromAnswers } from './drafts-from-answers';

/** A problem found by an owning service's validator, said as `field: rule`. */
export type DraftCheck = (draft: Record<string, unknown>) => string | undefined;

/**
 * What the guide uses of the monitors, products and workflows, handed over by createCore from
 * each owning service's public methods: count, check without saving, create. The onboarding
 * assistant imports no other capability.
 */
export interface OnboardingPorts {
  monitors: { count(): number; check: DraftCheck; add(draft: Record<string, unknown>): { id: string; name: string } };
  products: { slugs(): string[]; check: DraftCheck; create(draft: Record<string, unknown>): { id: string; name: string } };
  workflows: { count(): number; check: DraftCheck; save(workflow: Record<string, unknown>): { id: string; name: string } };
  /** Adds a channel to the founder.notified rule (the daily check's notices), keeping the ones it has. */
  routeWorkflowNotices(channel: string): void;
}

export interface OnboardingDeps {
  settings: SettingsService;
  ai: AiService;
  ports: OnboardingPorts;
}

const workflowDraftSchema = z
  .object({
    workflow: z.record(z.string(), z.unknown(), { error: () => 'must be the workflow document onboarding.propose gave' }),
    alerts: z.enum(onboardingAlertChannels, { error: () => 'must be os, telegram, slack or email' }).default('os'),
  })
  .strict();

function refuse(field: string, problem: string): CoreError {
  return new CoreError('BAD_INPUT', `${field}: ${problem}`, field);
}

/**
 * The getting-started guide (assistant 4): asks what the founder sells, their site, their first
 * product and where they want alerts, and proposes a Guardian monitor, a product draft and a
 * daily site-check workflow. Nothing is created until the founder confirms that one item, and
 * each is checked by its own service first. The model only reads a free-text answer into the
 * same answers; without it the form does everything.
 */
export class OnboardingService {
  constructor(private readonly d: OnboardingDeps) {}

  status(): OnboardingStatus {
    const { ports, settings, ai } = this.d;
    const items = { monitor: ports.monitors.count() > 0, product: ports.products.slugs().length > 0, workflow: ports.workflows.count() > 0 };
    const done = settings.get('onboarding.done');
    const model = ai.status();
    const reason = model.reason ?? (model.features.onboarding ? null : 'The AI feature onboarding is turned off (setting ai.features).');
    return { shown: !done && !items.monitor && !items.product && !items.workflow, done, items, ai: { available: reason === null, reason } };
  }

  /** The three drafts, from the form's answers or from the founder's sentence; nothing is saved. */
  async propose(input: { answers?: OnboardingAnswersInput | undefined; text?: string | undefined }, signal?: AbortSignal): Promise<OnboardingProposal> {
    if (input.answers !== undefined) {
      const checked = onboardingAnswersSchema.safeParse(input.answers);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw refuse(['answers', ...(issue?.path ?? []).map(String)].join('.'), issue?.message ?? 'is not valid');
      }
      return { answers: checked.data, missing: [], drafts: this.checkedDrafts(draftsFromAnswers(checked.data, new Set(this.d.ports.products.slugs()))) };
    }
    if (input.text === undefined || input.text.trim() === '') throw refuse('text', 'give either answers (the form) or text (a sentence)');
    const read = await answersFromText(this.d.ai, input.text, signal);
    if (read.missing.length > 0) return { answers: read.answers, missing: read.missing, drafts: [] };
    const answers = onboardingAnswersSchema.parse(read.answers);
    return { answers, missing: [], drafts: this.checkedDrafts(draftsFromAnswers(answers, new Set(this.d.ports.products.slugs()))) };
  }

  /** Creates exactly the confirmed item, after its own service's check; a bad draft changes nothing. */
  confirm(item: OnboardingItem, draft: Record<string, unknown>): { item: OnboardingItem; id: string; name: string } {
    const { ports } = this.d;
    if (item === 'workflow') {
      const parsed = workflowDraftSchema.safeParse(draft);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw refuse(['draft', ...(issue?.path ?? []).map(String)].join('.'), issue?.message ?? 'is not valid');
      }
      this.mustPass('workflow', draft);
      const saved = ports.workflows.save(parsed.data.workflow);
      if (parsed.data.alerts !== 'os') ports.routeWorkflowNotices(parsed.data.alerts);
      return { item, ...saved };
    }
    this.mustPass(item, draft);
    const made = item === 'monitor' ? ports.monitors.add(draft) : ports.products.create(draft);
    return { item, ...made };
  }

  /** Finished or dismissed: the guide no longer opens by itself. */
  dismiss(): OnboardingStatus {
    this.d.settings.set('onboarding.done', true);
    return this.status();
  }

  private problem(item: OnboardingItem, draft: Record<string, unknown>): string | undefined {
    const { ports } = this.d;
    if (item === 'monitor') return ports.monitors.check(draft);
    if (item === 'product') return ports.products.check(draft);
    const workflow = draft.workflow;
    if (workflow === null || typeof workflow !== 'object' || Array.isArray(workflow)) return 'workflow: must be the workflow document onboarding.propose gave';
    // the workflow validator names its fields from workflow. already
    return ports.workflows.check(workflow as Record<string, unknown>);
  }

  private mustPass(item: OnboardingItem, draft: Record<string, unknown>): void {
    const problem = this.problem(item, draft);
    if (problem === undefined) return;
    const field = `draft.${problem.split(':')[0] ?? ''}`.replace(/\.$/, '');
    throw new CoreError('BAD_INPUT', `draft.${problem}`, field);
  }

  /** Every proposed draft passes its service's check: a guide that proposed something it cannot create would be a bug. */
  private checkedDrafts(drafts: OnboardingDraft[]): OnboardingDraft[] {
    for (const d of drafts) {
      const problem = this.problem(d.item, d.draft);
      if (problem !== undefined) throw new CoreError('INTERNAL', `The ${d.item} draft does not pass its own check: ${problem}`);
    }
    return drafts;
  }
}
