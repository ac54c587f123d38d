import type { OutcomeResult } from '../../../shared/contract/approvals';
import type { BackupOperation } from '../../../shared/contract/backup';
import type { HealingStep, Monitor } from '../../../shared/contract/guardian';
import type { Step } from './healing-step';

/**
 * The owning services a healing action is applied through, once the founder approved it.
 * createCore passes them in; a missing one makes the actions that need it unavailable.
 */
export interface HealingActions {
  checkMonitor(id: string): Promise<Monitor>;
  updateMonitor(id: string, changes: { timeoutSeconds: number }): Monitor;
  reconnectRemote(): Promise<{ state: string; lastError?: { message: string } | undefined }>;
  syncTelemetry(): Promise<unknown>;
  pruneTelemetry(): unknown;
  retryRun?(id: string): Promise<{ runId: string; status: string }>;
  setWorkflowEnabled?(id: string, enabled: boolean): { name: string; enabled: boolean };
  /** A backup of the plan, waited for (its row: succeeded or failed with the reason). */
  runBackup?(plan: string): Promise<BackupOperation>;
  checkBackup?(plan: string): Promise<BackupOperation>;
}

/** What an approval for a healing step carries: enough to apply it after the plan has moved on. */
export interface HealingPreview {
  stepId: string;
  action: HealingStep['action'];
  title: string;
  class: HealingStep['class'];
  evidence: string;
  evidenceTime?: HealingStep['evidenceTime'];
  expectedEffect: string;
  proposal: NonNullable<HealingStep['proposal']>;
  /** The monitor a credential re-check checks again afterwards. */
  monitorId?: string;
}

const byHand: Partial<Record<HealingStep['action'], string>> = {
  check_heartbeat_sender: 'the cron job that pings this monitor runs outside Levqor X: fix it where it runs; the monitor turns UP at its next ping',
  investigate_endpoint: 'this is an investigation for you in Telemetry; there is nothing to apply',
  review_anomaly: 'this is a review for you in Telemetry; there is nothing to apply',
  decide_approval: 'decide it in the Approvals inbox: an approval is not approved through another approval',
  review_failed_payments: 'this is a review for you in Revenue and the Stripe dashboard; there is nothing to apply',
  check_webhook_secret: 'compare stripe.webhookSecret with the signing secret in the Stripe dashboard (Developers \u2192 Webhooks) and set it in Settings; there is nothing to apply',
};

/** Why this step cannot be applied here, or undefined when approving it would apply it. */
export function refusalFor(step: Step, actions: HealingActions | undefined): string | undefined {
  const manual = byHand[step.action];
  if (manual) return manual;
  if (!step.proposal) return 'there is no action to apply for this step';
  if (!actions) return 'healing actions are not connected in this process';
  if (step.action === 'retry_failed_runs' && !actions.retryRun) return 'the workflow engine is not available here';
  if (step.action === 'pause_flapping_workflow' && !actions.setWorkflowEnabled) return 'the workflow engine is not available here';
  if ((step.action === 'run_backup_now' && !actions.runBackup) || (step.action === 'check_backup_repository' && !actions.checkBackup)) return 'the backup service is not available here';
  return undefined;
}

function text(input: Record<string, unknown>, key: string): string {
  const v = input[key];
  if (typeof v !== 'string' || v === '') throw new Error(`the approved step has no ${key}`);
  return v;
}

const monitorLine = (m: Monitor) => `"${m.name}" is ${m.state}${m.lastMessage ? `: ${m.lastMessage}` : ''}`;

/** A re-checked monitor's state as an outcome: UP is good, DOWN bad, anything else (pending, maintenance) to watch. */
const monitorResult = (m: Monitor): OutcomeResult => (m.state === 'UP' ? 'good' : m.state === 'DOWN' ? 'bad' : 'warn');

/** The worse of two results, for an action that checks two things. */
const worse = (a: OutcomeResult, b: OutcomeResult): OutcomeResult => (['bad', 'warn', 'good', 'none'] as const).find((r) => r === a || r === b) ?? a;

/** What applying a step did, in words, and how that turned out (a re-check can find the monitor still DOWN). */
export interface HealingApplied {
  message: string;
  result: OutcomeResult;
}

const done = (message: string): HealingApplied => ({ message, result: 'good' });

/** A backup operation's row as an outcome: succeeded is good, anything else bad, with restic's reason. */
const operationOutcome = (what: string, op: BackupOperation): HealingApplied =>
  op.status === 'succeeded' ? done(`${what} of "${op.plan}" succeeded (operation ${op.id})`) : { message: `${what} of "${op.plan}" ${op.status} (operation ${op.id})${op.error ? `: ${op.error}` : ''}`, result: 'bad' };

/** Applies an approved healing step through its owning service; returns what happened. */
export async function applyHealing(p: HealingPreview, actions: HealingActions): Promise<HealingApplied> {
  const input = p.proposal.input;
  switch (p.action) {
    case 'recheck_monitor': {
      const m = await actions.checkMonitor(text(input, 'id'));
      return { message: `re-checked: ${monitorLine(m)}`, result: monitorResult(m) };
    }
    case 'raise_monitor_timeout': {
      const id = text(input, 'id');
      const timeoutSeconds = input.timeoutSeconds;
      if (typeof timeoutSeconds !== 'number') throw new Error('the approved step has no timeoutSeconds');
      actions.updateMonitor(id, { timeoutSeconds });
      const m = await actions.checkMonitor(id);
      return { message: `timeout raised to ${timeoutSeconds} s; re-checked: ${monitorLine(m)}`, result: monitorResult(m) };
    }
    case 'recheck_credential': {
      const status = await actions.reconnectRemote();
      const remote = `remote ${status.state}${status.lastError ? `: ${status.lastError.message}` : ''}`;
      const remoteResult: OutcomeResult = status.state === 'connected' ? 'good' : 'bad';
      if (!p.monitorId) return { message: `credential re-checked: ${remote}`, result: remoteResult };
      const m = await actions.checkMonitor(p.monitorId);
      return { message: `credential re-checked: ${remote}; ${monitorLine(m)}`, result: worse(remoteResult, monitorResult(m)) };
    }
    case 'free_disk_space':
      await actions.pruneTelemetry();
      return done('telemetry past its retention pruned');
    case 'sync_now':
      await actions.syncTelemetry();
      return done('telemetry synced with the remote');
    case 'retry_failed_runs': {
      const r = await actions.retryRun!(text(input, 'id'));
      return { message: `run ${r.runId} retried: ${r.status}`, result: r.status === 'failed' ? 'bad' : 'good' };
    }
    case 'pause_flapping_workflow': {
      const w = actions.setWorkflowEnabled!(text(input, 'id'), false);
      return done(`workflow "${w.name}" paused (its trigger is off)`);
    }
    case 'run_backup_now':
      return operationOutcome('backup', await actions.runBackup!(text(input, 'plan')));
    case 'check_backup_repository':
      return operationOutcome('check', await actions.checkBackup!(text(input, 'plan')));
    default:
      throw new Error(refusalFor({ ...p, finding: 'anomaly', proposal: p.proposal }, actions) ?? `${p.action} cannot be applied here`);
  }
}
