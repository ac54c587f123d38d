import { timingSafeEqual } from 'node:crypto';
import type { WebhookAnswer } from '../../../shared/contract/workflows';
import type { Clock } from '../clock';
import type { EventBus } from '../event-bus';
import type { Runner } from './runner/runner';
import type { WorkflowStore } from './store/workflow-store';
import type { WorkflowService } from './workflow-service';

export const webhookSecretHeader = 'x-levqor-secret';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Webhook triggers for `levqor serve` (POST /hooks/<path>): the route calls the contract
 * procedure `workflows.webhook` (HTTP only) with the path, the secret (header
 * `x-levqor-secret` or `?secret=`), the JSON body and headers; the run's trigger output is
 * `{ body, headers }`, also sent as the event `workflows.webhookReceived` (the editor listens for a
 * test call with it). A disabled or unknown path is 404, a wrong secret 401.
 */
export class WebhookService {
  constructor(
    private readonly store: WorkflowStore,
    private readonly workflows: WorkflowService,
    private readonly runner: Runner,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  async handle(request: { path: string; secret: string | undefined; body: unknown; headers: Record<string, string> }): Promise<WebhookAnswer> {
    const row = this.store.byWebhookPath(request.path);
    if (!row || row.enabled !== 1 || row.trigger_type !== 'webhook') return { status: 404, error: `no active webhook at /hooks/${request.path}` };
    if (!request.secret || !row.webhook_secret || !sameSecret(request.secret, row.webhook_secret)) return { status: 401, error: 'wrong or missing webhook secret' };
    const retryAfterSeconds = this.runner.queueFull();
    if (retryAfterSeconds !== undefined) {
      return { status: 429, error: `too many runs are waiting to start (workflows.maxQueuedRuns); try again in ${retryAfterSeconds} s`, retryAfterSeconds };
    }
    const document = this.workflows.document(row);
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => k.toLowerCase() !== webhookSecretHeader && k.toLowerCase() !== 'authorization'));
    const immediately = document.trigger.type === 'webhook' && document.trigger.respond === 'immediately';
    // respond onFinish: the caller waits for the answer, so (as with `workflows.run` + wait) the
    // run row is written with the first step's transaction rather than in one of its own
    const runId = this.workflows.startRun({ id: row.id, input: { body: request.body ?? null, headers }, trigger: 'webhook', deferInsert: !immediately });
    if (this.events.hasListeners('workflows.webhookReceived')) {
      this.events.emit('workflows.webhookReceived', { workflowId: row.id, path: request.path, body: request.body ?? null, headers, runId, at: this.clock.now() });
    }
    if (immediately) return { status: 202, runId, runStatus: 'running' };
    const run = await this.runner.waitSettled(runId);
    const result = this.runner.result(runId, run);
    const status = run?.status ?? 'unknown';
    if (status === 'succeeded') return { status: 200, runId, runStatus: status, output: result?.output ?? null };
    if (status === 'failed' || status === 'rejected' || status === 'cancelled') return { status: 500, runId, runStatus: status, error: result?.error?.message ?? `run ${status}` };
    return { status: 202, runId, runStatus: status };
  }
}
