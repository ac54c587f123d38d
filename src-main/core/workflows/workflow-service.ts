import { randomBytes } from 'node:crypto';
import type { RunResult, StepTypeInfo, WorkflowDetail, WorkflowStats, WorkflowSummary } from '../../../shared/contract/workflows';
import type { RunTrigger, WorkflowDocument, WorkflowProblem } from '../../../shared/workflow';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { uuidv7 } from '../ids';
import type { Scheduler } from '../scheduler/scheduler';
import type { WorkflowAnalytics } from './analytics';
import type { StepRegistry } from './registry';
import type { Runner } from './runner/runner';
import type { WorkflowRow, WorkflowStore } from './store/workflow-store';
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
}

/** Problems as one BAD_INPUT error: the first names the field; the message counts the rest. */
export function invalidWorkflow(errors: WorkflowProblem[]): CoreError {
  const first = errors[0] ?? { path: 'workflow', message: 'is invalid' };
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''}: ${errors.slice(1, 4).map((e) => `${e.path}: ${e.message}`).join('; ')})` : '';
  return new CoreError('BAD_INPUT', `workflow.${first.path}: ${first.message}${more}`, `workflow.${first.path}`);
}

export function newWebhookSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Stored workflows: validate, import/export, save, run, schedule preview, stats. */
export class WorkflowService {
  constructor(private readonly d: WorkflowServiceDeps) {}

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

  save(id: string | undefined, raw: unknown, enabled?: boolean): WorkflowSummary {
    const document = this.parse(raw);
    const now = this.d.clock.now();
    const trigger = document.trigger;
    const webhookPath = trigger.type === 'webhook' ? trigger.path : null;
    if (webhookPath) {
      const other = this.d.store.byWebhookPath(webhookPath);
      if (other && other.id !== id) throw new CoreError('CONFLICT', `workflow.trigger.path: "${webhookPath}" is already used by workflow "${other.name}"`, 'workflow.trigger.path');
    }
    const wid = this.d.store.db
      .transaction(() => {
        const definitionId = this.d.store.putDefinition(document, now);
        const row = {
          name: document.name,
          definitionId,
          triggerType: trigger.type,
          webhookPath,
          webhookSecret: webhookPath ? newWebhookSecret() : null,
          now,
        };
        if (id === undefined) {
          const newId = uuidv7(now);
          this.d.store.insert({ id: newId, ...row, enabled: enabled === false ? 0 : 1 });
          return newId;
        }
        const existing = this.d.store.get(id);
        if (!existing) throw new CoreError('NOT_FOUND', `id: no workflow has id "${id}"`, 'id');
        this.d.store.update({ id, ...row, enabled: enabled === undefined ? existing.enabled : enabled ? 1 : 0 });
        return id;
      })
      .immediate();
    this.d.changed();
    return this.summary(this.mustGet(wid));
  }

  list(): WorkflowSummary[] {
    const last = this.d.store.lastRuns();
    return this.d.store.list().map((row) => this.summary(row, last.get(row.id)));
  }

  get(id: string): WorkflowDetail {
    const row = this.mustGet(id);
    const document = this.document(row);
    const trigger = document.trigger;
    return {
      ...this.summary(row),
      workflow: document,
      ...(trigger.type === 'webhook' && row.webhook_secret
        ? { webhook: { path: trigger.path, url: `/hooks/${trigger.path}`, secret: row.webhook_secret, respond: trigger.respond } }
        : {}),
    };
  }

  export(id: string): { workflow: WorkflowDocument; json: string } {
    const document = this.document(this.mustGet(id));
    return { workflow: document, json: `${JSON.stringify(document, null, 2)}\n` };
  }

  delete(id: string): { deleted: boolean } {
    const deleted = this.d.store.delete(id);
    if (!deleted) throw new CoreError('NOT_FOUND', `id: no workflow has id "${id}"`, 'id');
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
    return this.d.runner.start({
      document,
      definitionId,
      workflowId,
      trigger: request.trigger ?? 'manual',
      input: request.input ?? {},
      ...(request.dedupeKey ? { dedupeKey: request.dedupeKey } : {}),
      ...(request.scheduledFor !== undefined ? { scheduledFor: request.scheduledFor } : {}),
      ...(request.deferInsert ? { deferInsert: true } : {}),
    });
  }

  stats(id: string, from?: number, to?: number): WorkflowStats {
    this.mustGet(id);
    const end = to ?? this.d.clock.now() + 1;
    const start = from ?? end - 30 * 86_400_000;
    if (start > end) throw new CoreError('BAD_INPUT', 'from: must be before to', 'from');
    return this.d.analytics.stats(id, start, end);
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

  document(row: WorkflowRow): WorkflowDocument {
    const doc = this.d.store.definition(row.definition_id);
    if (!doc) throw new CoreError('INTERNAL', `workflow ${row.id} has lost its definition`);
    return doc;
  }

  mustGet(id: string): WorkflowRow {
    const row = this.d.store.get(id);
    if (!row) throw new CoreError('NOT_FOUND', `id: no workflow has id "${id}"`, 'id');
    return row;
  }

  private summary(row: WorkflowRow, last?: { runId: string; status: string; at: number }): WorkflowSummary {
    const document = this.document(row);
    const lastRun = last ?? this.d.store.lastRun(row.id);
    const next = row.enabled === 1 ? this.d.scheduler.nextFire(document) : undefined;
    return {
      id: row.id,
      name: row.name,
      ...(document.description ? { description: document.description } : {}),
      triggerType: row.trigger_type,
      enabled: row.enabled === 1,
      steps: document.nodes.length,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      ...(lastRun ? { lastRun: { runId: lastRun.runId, status: lastRun.status as NonNullable<WorkflowSummary['lastRun']>['status'], at: lastRun.at } } : {}),
      ...(next !== undefined ? { nextFireAt: next } : {}),
    };
  }
}
