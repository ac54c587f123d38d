import { anomalyKindLabel, anomalyTitle } from '../../../shared/anomalies';
import type { ApprovalSubjectKind } from '../../../shared/contract/approvals';
import type { HealingLink } from '../../../shared/contract/guardian';
import type { Step } from './healing-step';
import { monitorType, storedSettings } from './monitors/registry';
import type { Finding } from './score';

const waitingEffect = {
  step: 'The waiting run continues (approved) or ends (rejected) instead of hitting its timeout.',
  'product.upload': 'The upload goes to Drive (approved) or is dropped (rejected) instead of being rejected by its timeout.',
  'guardian.healing': 'The healing action is applied (approved) or dropped (rejected) instead of expiring.',
  'app.update': 'The update is downloaded and installed (approved) or left alone (rejected) instead of expiring.',
  'backup.forget': 'The retention policy removes the snapshots its preview showed (approved) or nothing is removed (rejected) instead of expiring.',
  'backup.restoreApp': 'The app\u2019s data is restored from the snapshot after the live data is backed up (approved) or left as it is (rejected) instead of expiring.',
  'revenue.package': 'The DFY package\u2019s Stripe product, price and payment link are created or changed (approved) or left as they are (rejected) instead of expiring.',
  'notify.briefing': 'The founder briefing goes to its outside channels (approved) or is not sent (rejected) instead of expiring.',
  'stage.override': 'The stage switches to post-launch despite the preflight (approved) or stays as it is (rejected) instead of expiring.',
  'compliance.erase': 'The person is erased everywhere the data map says, with its proof (approved), or nothing is erased (rejected) instead of expiring.',
  'compliance.retention': 'Leads past their retention period are anonymised (approved) or kept as they are (rejected) instead of expiring.',
} as const satisfies Record<ApprovalSubjectKind, string>;

function telemetryLink(label: string, params: Record<string, string>): HealingLink {
  return { area: 'telemetry', label, params };
}

/** An anomaly's endpoint subject (`POST /api/checkout`) as the explorer's filter: the path alone. */
function endpointOf(subject: string): Record<string, string> {
  const path = /^[A-Z]+ (\/.*)$/.exec(subject)?.[1] ?? subject;
  return { endpoint: path };
}

/**
 * The dry-run healing plan: one suggested action (or two) per finding, with its class
 * (docs/architecture.md), the evidence and the expected effect; a DOWN monitor's type adds its own
 * (monitors/<type>.ts). It only proposes: applying a step goes through the approval system,
 * and nothing here calls anything.
 */
export function planFor(f: Finding): Step[] {
  const base = { finding: f.kind, evidence: f.evidence, ...(f.evidenceTime ? { evidenceTime: f.evidenceTime } : {}) };
  switch (f.kind) {
    case 'monitor_down': {
      const m = f.monitor;
      const id = m?.id ?? f.subject;
      const type = m ? monitorType(m.type) : undefined;
      const steps: Step[] = m && type?.healing ? type.healing(storedSettings(type, m), m).map((s) => ({ ...base, ...s })) : [];
      steps.push({ ...base, action: 'recheck_monitor', title: `Re-check "${m?.name ?? id}" now`, class: 'A', expectedEffect: 'Confirms whether the outage is still going on; an UP check removes this deduction.', proposal: { procedure: 'guardian.check', input: { id } } });
      return steps;
    }
    case 'error_burn':
      return [{ ...base, action: 'investigate_endpoint', title: `Look into the errors on ${f.subject}`, class: 'A', expectedEffect: 'Fixing the failing path stops the error-budget burn; the anomaly closes after 30 minutes without it.', proposal: { procedure: 'telemetry.groups', input: { levels: ['error', 'fatal'] } }, link: telemetryLink('Open its errors in Telemetry', { ...endpointOf(f.subject), levels: 'error,fatal' }) }];
    case 'slow_endpoint':
      return [{ ...base, action: 'investigate_endpoint', title: `Find why ${f.subject} is slow`, class: 'A', expectedEffect: 'A faster p95 removes the slow-endpoint deduction at the next detection.', proposal: { procedure: 'telemetry.series', input: { metric: 'p95', endpoint: f.subject } }, link: telemetryLink('Open its requests in Telemetry', endpointOf(f.subject)) }];
    case 'anomaly':
      return [{ ...base, action: 'review_anomaly', title: `Review the ${f.anomaly ? `${anomalyKindLabel[f.anomaly.kind].toLowerCase()} ${anomalyTitle(f.anomaly)}` : `anomaly ${f.subject}`}`, class: 'A', expectedEffect: 'Understanding the cause; the anomaly closes once it stops recurring.', proposal: { procedure: 'telemetry.anomalies', input: f.anomaly ? { kind: f.anomaly.kind } : {} }, link: telemetryLink('Open it in Telemetry', { tab: 'anomalies', ...(f.anomaly ? { kind: f.anomaly.kind } : {}) }) }];
    case 'failed_runs': {
      const w = f.workflow;
      const steps: Step[] = [];
      if (w && w.failedRunIds.length >= 3 && w.id) {
        steps.push({ ...base, action: 'pause_flapping_workflow', title: `Pause "${w.name}": it failed ${w.failedRunIds.length} times in 24 h`, class: 'B', expectedEffect: 'Stops the repeated failures (and their side effects) until the cause is fixed.', proposal: { procedure: 'workflows.setEnabled', input: { id: w.id, enabled: false } } });
      }
      for (const runId of (w?.failedRunIds ?? []).slice(0, 5)) {
        steps.push({ ...base, action: 'retry_failed_runs', title: `Retry failed run ${runId} of "${w?.name ?? ''}"`, class: 'B', expectedEffect: 'A transient failure succeeds on retry; Class B/C steps still ask for approval as the stage requires.', proposal: { procedure: 'runs.retry', input: { id: runId } } });
      }
      return steps;
    }
    case 'stale_backup': {
      const plan = f.backup?.plan ?? f.subject;
      return [{ ...base, action: 'run_backup_now', title: `Run a backup of "${plan}" now`, class: 'A', expectedEffect: 'A fresh backup removes the stale-backup deduction and protects the data.', proposal: { procedure: 'backup.run', input: { plan, wait: true } } }];
    }
    case 'failed_check': {
      const plan = f.backup?.plan ?? f.subject;
      return [{ ...base, action: 'check_backup_repository', title: `Check the repository of "${plan}" again`, class: 'A', expectedEffect: 'A clean check (after the repository is repaired, or when the fault was passing) removes the failed-check deduction; its report is in the operation\u2019s log.', proposal: { procedure: 'backup.check', input: { plan } } }];
    }
    case 'sync_lag': {
      const steps: Step[] = [];
      if (f.sync?.remoteError) steps.push({ ...base, action: 'recheck_credential', title: 'Re-check the database.url credential and reconnect', class: 'A', expectedEffect: 'The remote reconnects so sync can run.', proposal: { procedure: 'remote.connect', input: {} } });
      steps.push({ ...base, action: 'sync_now', title: 'Sync telemetry with the remote Postgres now', class: 'A', expectedEffect: 'Pushes waiting rows and pulls the site\u2019s rows; the lag drops to zero.', proposal: { procedure: 'telemetry.sync', input: {} } });
      return steps;
    }
    case 'failed_payments':
      return [{ ...base, link: { area: 'revenue', label: 'Open Revenue' }, action: 'review_failed_payments', title: 'Review the failed payments and contact the customers', class: 'A', expectedEffect: 'A customer who updates their card pays on Stripe\u2019s next retry; the deduction ends 7 days after the last failure.', proposal: null }];
    case 'webhook_failures':
      return [{ ...base, action: 'check_webhook_secret', title: 'Check stripe.webhookSecret against the endpoint\u2019s signing secret in the Stripe dashboard', class: 'A', expectedEffect: 'With the right secret Stripe\u2019s deliveries are accepted again; if it was right, the refused deliveries were forged and stay refused.', link: { area: 'settings', label: 'Open Settings' }, proposal: null }];
    case 'approval_waiting':
      return [{ ...base, link: { area: 'approvals', label: 'Open the Approvals inbox' }, action: 'decide_approval', title: `Decide approval ${f.approval?.id ?? f.subject}`, class: f.approval?.class ?? 'C', expectedEffect: waitingEffect[f.approval?.kind ?? 'step'], proposal: f.approval ? { procedure: 'approvals.approve', input: { id: f.approval.id } } : null }];
  }
}
