import { randomBytes } from 'node:crypto';
import type { RunResult, StepTypeInfo, WorkflowDetail, WorkflowStats, WorkflowSummary } from '../../../shared/contract/workflows';
import type { StageStep } from '../../../shared/contract/stage';
import type { RunTrigger, WorkflowDocument, WorkflowProblem } from '../../../shared/workflow';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { uuidv7 } from '../ids';
import type { Scheduler } from '../scheduler';
import type { WorkflowAnalytics } from './analytics';
import type { StepRegistry } from './registry';
import type { Runner } from './runner/runner';
import type { WorkflowRow, WorkflowStore } from './store/workflow-store';
import { VersionStore, type VersionBrief } from './store/version-store';
import { classBStepsOf } from './class-b-steps';
import { draftFacts, draftRefusal } from './drafts';
import { describeInputProblems, runInput } from './run-input';
import { validateWorkflow, type ValidationResult } from './validate';

export interface WorkflowServiceDeps {
  store: WorkflowStore;
  registry: StepRegistry;
  runner: Runner;
  scheduler: Scheduler;
  analytics: WorkflowAnalytics;
  clock: Clock;
  /** Workflows changed: schedules and event subscriptions re-plan. */
  changed(): void;
}

export interface RunRequest {
  id?: string;
  workflow?: unknown;
  input?: unknown;
  wait?: boolean;
  trigger?: RunTrigger;
  /** Class B/C steps record their preview as a dry run; nothing waits for approval. */
  dryRun?: boolean;
}

/** Problems as one BAD_INPUT error: the first names the field; the message counts the rest. */
export function invalidWorkflow(errors: WorkflowProblem[]): CoreError {
  const first = errors[0] ?? { path: 'workflow', message: 'is invalid' };
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''}: ${errors.slice(1, 4).map((e) => `${e.path}: ${e.message}`).join('; ')})` : '';
  return new CoreError('BAD_INPUT', `workflow.${first.path}: ${first.message}${more}`, `workflow.${first.path}`);
}

/** The list's success rate looks back this far. */
export const successRateWindowMs = 30 * 86_400_000;

export function newWebhookSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Stored workflows: validate, import/export, save, run, schedule preview, stats. */
export class WorkflowService {
  private readonly versionStore: VersionStore;

  constructor(private readonly d: WorkflowServiceDeps) {
    this.versionStore = new VersionStore(d.store.db);
  }

  validate(raw: unknown): ValidationResult {
    return validateWorkflow(raw, this.d.registry);
  }

  /** A valid document, or a BAD_INPUT error naming the first problem. Nothing is stored. */
  parse(raw: unknown): WorkflowDocument {
    const result = this.validate(raw);
    if (!result.valid) throw invalidWorkflow(result.errors);
    return result.workflow;
  }

  import(raw: unknown, enabled = true): { id: string; name: string } {
    const summary = this.save(undefined, raw, enabled);
    return { id: summary.id, name: summary.name };
  }

  /**
   * Creates (no id) or replaces a workflow and appends a version. With draft, a document that
   * fails validation is stored as written (never fixed) with its problems, its trigger inactive.
   */
  save(id: string | undefined, raw: unknown, enabled?: boolean, draft = false): WorkflowSummary {
    const result = this.validate(raw);
    if (!result.valid && !draft) throw invalidWorkflow(result.errors);
    const document = result.valid ? result.workflow : undefined;
    const facts = draftFacts(raw, document);
    const problems = result.valid ? [] : result.errors;
    const now = this.d.clock.now();
    const webhookPath = document?.trigger.type === 'webhook' ? document.trigger.path : null;
    if (webhookPath) {
      const other = this.d.store.byWebhookPath(webhookPath);
      if (other && other.id !== id) throw new CoreError('CONFLICT', `workflow.trigger.path: "${webhookPath}" is already used by workflow "${other.name}"`, 'workflow.trigger.path');
    }
    const wid = this.d.store.db
      .transaction(() => {
        const existing = id === undefined ? undefined : this.d.store.get(id);
        if (id !== undefined && !existing) throw new CoreError('NOT_FOUND', `id: no workflow has id "${id}"`, 'id');
        const wid = id ?? uuidv7(now);
        const definitionId = document ? this.d.store.putDefinition(document, now) : this.d.store.putDraftDefinition(raw, now);
        const version = this.versionStore.append({ workflowId: wid, savedAt: now, name: facts.name, draft: !document, document: document ?? raw, problems });
        const row = {
          id: wid,
          name: facts.name,
          definitionId,
          triggerType: facts.triggerType,
          webhookPath,
          webhookSecret: webhookPath ? newWebhookSecret() : null,
          draft: document ? 0 : 1,
          problems: document ? null : JSON.stringify(problems),
          version,
          now,
        };
        if (!existing) this.d.store.insert({ ...row, enabled: enabled === false ? 0 : 1 });
        else this.d.store.update({ ...row, enabled: enabled === undefined ? existing.enabled : enabled ? 1 : 0 });
        return wid;
      })
      .immediate();
    this.d.changed();
    return this.summary(this.mustGet(wid));
  }

  /** Every saved version of a workflow, newest first. */
  versions(id: string): VersionBrief[] {
    this.mustGet(id);
    return this.versionStore.list(id);
  }

  getVersion(id: string, version: number): { version: number; savedAt: number; draft: boolean; workflow: Record<string, unknown>; problems: WorkflowProblem[] } {
    this.mustGet(id);
    const v = this.versionStore.get(id, version);
    if (!v) throw new CoreError('NOT_FOUND', `version: workflow "${id}" has no version ${version}`, 'version');
    return { version: v.version, savedAt: v.savedAt, draft: v.draft, workflow: v.document as Record<string, unknown>, problems: v.problems };
  }

  /** Saves an earlier version's document as the newest version; a draft is restored as a draft. */
  restoreVersion(id: string, version: number): WorkflowSummary {
    const v = this.getVersion(id, version);
    return this.save(id, v.workflow, undefined, true);
  }

  list(): WorkflowSummary[] {
    const last = this.d.store.lastRuns();
    const rates = this.d.analytics.successRates(this.d.clock.now() - successRateWindowMs);
    return this.d.store.list().map((row) => this.summary(row, last.get(row.id), rates.get(row.id) ?? null));
  }

  get(id: string): WorkflowDetail {
    const row = this.mustGet(id);
    if (row.draft === 1) {
      // a draft has no live webhook: its trigger is inactive until it is saved valid
      return { ...this.summary(row), workflow: this.draftDocument(row), problems: this.draftProblems(row) };
    }
    const document = this.document(row);
    const trigger = document.trigger;
    return {
      ...this.summary(row),
      workflow: document,
      problems: [],
      ...(trigger.type === 'webhook' && row.webhook_secret
        ? { webhook: { path: trigger.path, url: `/hooks/${trigger.path}`, secret: row.webhook_secret, respond: trigger.respond } }
        : {}),
    };
  }

  /** The workflow's file; a draft's as written (importing it opens it as a draft again). */
  export(id: string): { workflow: WorkflowDocument | Record<string, unknown>; json: string; draft: boolean; problems: WorkflowProblem[] } {
    const row = this.mustGet(id);
    const draft = row.draft === 1;
    const document = draft ? this.draftDocument(row) : this.document(row);
    return { workflow: document, json: `${JSON.stringify(document, null, 2)}\n`, draft, problems: draft ? this.draftProblems(row) : [] };
  }

  delete(id: string): { deleted: boolean } {
    const deleted = this.d.store.delete(id);
    if (!deleted) throw new CoreError('NOT_FOUND', `id: no workflow has id "${id}"`, 'id');
    this.versionStore.deleteAll(id);
    this.d.store.db.prepare('DELETE FROM schedule_state WHERE workflow_id = ?').run(id);
    this.d.changed();
    return { deleted };
  }

  setEnabled(id: string, enabled: boolean): WorkflowSummary {
    if (!this.d.store.setEnabled(id, enabled, this.d.clock.now())) throw new CoreError('NOT_FOUND', `id: no workflow has id "${id}"`, 'id');
    if (!enabled) this.d.store.db.prepare('DELETE FROM schedule_state WHERE workflow_id = ?').run(id);
    this.d.changed();
    return this.summary(this.mustGet(id));
  }

  rotateSecret(id: string): { secret: string } {
    const row = this.mustGet(id);
    if (row.trigger_type !== 'webhook') throw new CoreError('BAD_INPUT', `id: workflow "${row.name}" has no webhook trigger`, 'id');
    const secret = newWebhookSecret();
    this.d.store.setSecret(id, secret, this.d.clock.now());
    return { secret };
  }

  /** Starts a run of a stored workflow or of a document; with wait, returns once it settles. */
  async run(request: RunRequest): Promise<RunResult> {
    const runId = this.startRun({ ...request, deferInsert: request.wait === true });
    const row = request.wait ? await this.d.runner.waitSettled(runId) : undefined;
    const result = this.d.runner.result(runId, row);
    if (!result) throw new CoreError('INTERNAL', `run ${runId} disappeared`);
    return result;
  }

  startRun(request: RunRequest & { dedupeKey?: string; scheduledFor?: number; deferInsert?: boolean }): string {
    let document: WorkflowDocument;
    let definitionId: string;
    let workflowId: string | null = null;
    if (request.id !== undefined) {
      const row = this.mustGet(request.id);
      document = this.document(row);
      definitionId = row.definition_id;
      workflowId = row.id;
    } else {
      document = this.parse(request.workflow);
      definitionId = this.d.store.putDefinition(document, this.d.clock.now());
    }
    const trigger = request.trigger ?? 'manual';
    const input = runInput(document, trigger, request.input);
    if (!input.ok) throw new CoreError('BAD_INPUT', describeInputProblems(input.problems), input.problems[0]?.path ?? 'input');
    return this.d.runner.start({
      document,
      definitionId,
      workflowId,
      trigger,
      input: input.value,
      ...(request.dedupeKey ? { dedupeKey: request.dedupeKey } : {}),
      ...(request.scheduledFor !== undefined ? { scheduledFor: request.scheduledFor } : {}),
      ...(request.deferInsert ? { deferInsert: true } : {}),
      ...(request.dryRun ? { dryRun: true } : {}),
    });
  }

  stats(id: string, from?: number, to?: number, timezone?: string): WorkflowStats {
    this.mustGet(id);
    const end = to ?? this.d.clock.now() + 1;
    const start = from ?? end - 30 * 86_400_000;
    if (start > end) throw new CoreError('BAD_INPUT', 'from: must be before to', 'from');
    return this.d.analytics.stats(id, start, end, timezone);
  }

  /** Enabled, valid workflows' Class B steps, by workflow name: what going post-launch lets run for real. */
  classBSteps(): StageStep[] {
    return this.d.store
      .list()
      .filter((row) => row.enabled === 1 && row.draft !== 1)
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((row) => classBStepsOf(row, this.document(row), this.d.registry));
  }

  stepTypes(): StepTypeInfo[] {
    return this.d.registry.describe();
  }

  schedulePreview(request: { id?: string; workflow?: unknown; count: number; from?: number }): { expr: string; timezone: string; times: { at: number; iso: string; local: string }[] } {
    const document = request.id !== undefined ? this.document(this.mustGet(request.id)) : this.parse(request.workflow);
    const trigger = document.trigger;
    if (trigger.type !== 'cron') throw new CoreError('BAD_INPUT', `${request.id !== undefined ? 'id' : 'workflow.trigger'}: the workflow has a ${trigger.type} trigger, not a cron schedule`, request.id !== undefined ? 'id' : 'workflow.trigger');
    const schedule = this.d.scheduler.schedule(trigger);
    const times = schedule.upcoming(request.from ?? this.d.clock.now(), request.count);
    return { expr: trigger.expr, timezone: trigger.timezone, times: times.map((at) => ({ at, iso: new Date(at).toISOString(), local: schedule.local(at) })) };
  }

  /** The valid document of a stored workflow; a draft is refused (it cannot run, export or preview). */
  document(row: WorkflowRow): WorkflowDocument {
    if (row.draft === 1) throw draftRefusal(row.name, this.draftProblems(row));
    const doc = this.d.store.definition(row.definition_id);
    if (!doc) throw new CoreError('INTERNAL', `workflow ${row.id} has lost its definition`);
    return doc;
  }

  mustGet(id: string): WorkflowRow {
    const row = this.d.store.get(id);
    if (!row) throw new CoreError('NOT_FOUND', `id: no workflow has id "${id}"`, 'id');
    return row;
  }

  private draftDocument(row: WorkflowRow): Record<string, unknown> {
    return (this.d.store.draftDefinition(row.definition_id) ?? {}) as Record<string, unknown>;
  }

  private draftProblems(row: WorkflowRow): WorkflowProblem[] {
    return row.problems ? (JSON.parse(row.problems) as WorkflowProblem[]) : [];
  }

  private summary(row: WorkflowRow, last?: { runId: string; status: string; at: number }, rate?: number | null): WorkflowSummary {
    const draft = row.draft === 1;
    const document = draft ? undefined : this.document(row);
    const facts = draftFacts(draft ? this.draftDocument(row) : document, document);
    const lastRun = last ?? this.d.store.lastRun(row.id);
    const next = row.enabled === 1 && document ? this.d.scheduler.nextFire(document) : undefined;
    return {
      id: row.id,
      name: row.name,
      ...(facts.description ? { description: facts.description } : {}),
      triggerType: row.trigger_type,
      enabled: row.enabled === 1,
      draft,
      problems: draft ? this.draftProblems(row).length : 0,
      version: row.version,
      steps: facts.steps,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      ...(lastRun ? { lastRun: { runId: lastRun.runId, status: lastRun.status as NonNullable<WorkflowSummary['lastRun']>['status'], at: lastRun.at } } : {}),
      ...(next !== undefined ? { nextFireAt: next } : {}),
      ...(row.webhook_path ? { webhookPath: row.webhook_path } : {}),
      successRate: rate !== undefined ? rate : this.d.analytics.successRate(row.id, this.d.clock.now() - successRateWindowMs),
    };
  }
}
