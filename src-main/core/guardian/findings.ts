import type { HealthScore, Monitor } from '../../../shared/contract/guardian';
import type { Anomaly } from '../../../shared/contract/telemetry';
import type { Approval } from '../../../shared/contract/approvals';
import type { RunSummary } from '../../../shared/contract/workflows';
import { anomalyKindLabel, anomalyTitle } from '../../../shared/anomalies';
import type { BackupFacts } from '../backup-port';
import { backupFindings } from './backup-findings';
import type { RevenueFacts } from '../revenue-port';
import { revenueFindings } from './revenue-findings';
import type { Finding } from './score';

export const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;

/** The workflow engine's services, when present: failed runs and waiting approvals feed the score. */
export interface WorkflowSources {
  runs: { list(filter: { status?: RunSummary['status']; limit: number }): RunSummary[] };
  approvals: { list(filter: { status?: Approval['status']; limit: number }): Approval[] };
  schedulerRunning: () => boolean;
}

/** What the findings are read from, at one moment. */
export interface FindingSources {
  monitors: Monitor[];
  /** Anomalies still open. */
  anomalies: Anomaly[];
  workflows: WorkflowSources | undefined;
  /** The backups capability's facts (stale plans, failed checks); undefined when it is not there. */
  backups?: BackupFacts | undefined;
  /** Revenue's facts (failed payments, webhook refusals); undefined when it is not there. */
  revenue?: RevenueFacts | undefined;
  /** undefined: no remote configured. */
  sync: { lastSyncAt: number | undefined; pushPending: number; remoteError: string | undefined } | undefined;
}

/** Every problem the score deducts for, with the evidence; and what could not be judged. */
export function collectFindings(src: FindingSources, now: number): { findings: Finding[]; notAssessed: HealthScore['notAssessed'] } {
  const findings: Finding[] = [];
  const notAssessed: HealthScore['notAssessed'] = [];
  for (const m of src.monitors) {
    if (m.state !== 'DOWN') continue;
    const since = m.lastChangeAt ? { evidenceTime: { label: 'down since', at: m.lastChangeAt } } : {};
    findings.push({ kind: 'monitor_down', subject: m.id, cause: `Monitor "${m.name}" is DOWN`, evidence: m.lastMessage ?? 'no message', ...since, weight: 15, monitor: m });
  }
  for (const a of src.anomalies) {
    const evidence = { evidence: `${a.summary} (${a.severity})`, evidenceTime: { label: 'last seen', at: a.lastSeenAt } };
    if (a.kind === 'error_burn_rate') findings.push({ kind: 'error_burn', subject: a.subject, cause: `Error budget burning on ${a.subject}`, ...evidence, weight: a.severity === 'page' ? 20 : a.severity === 'ticket' ? 10 : 5, anomaly: a });
    else if (a.kind === 'slow_endpoint') findings.push({ kind: 'slow_endpoint', subject: a.subject, cause: `Slow endpoint ${a.subject}`, ...evidence, weight: 5, anomaly: a });
    else findings.push({ kind: 'anomaly', subject: a.subject, cause: `${anomalyKindLabel[a.kind]}: ${anomalyTitle(a)}`, ...evidence, weight: 3, anomaly: a });
  }
  if (src.workflows) findings.push(...workflowFindings(src.workflows, now));
  else notAssessed.push({ kind: 'failed_runs', reason: 'the workflow engine is not available' }, { kind: 'approval_waiting', reason: 'the workflow engine is not available' });
  const backups = backupFindings(src.backups, now);
  findings.push(...backups.findings);
  notAssessed.push(...backups.notAssessed);
  const revenue = revenueFindings(src.revenue, now);
  findings.push(...revenue.findings);
  notAssessed.push(...revenue.notAssessed);
  if (src.sync) {
    const { lastSyncAt, pushPending, remoteError } = src.sync;
    const age = lastSyncAt === undefined ? undefined : now - lastSyncAt;
    if (age === undefined || age > hourMs) {
      const evidence = `${age === undefined ? 'never synced; ' : ''}${pushPending} local rows waiting${remoteError !== undefined ? `; remote error: ${remoteError}` : ''}`;
      const lastSync = lastSyncAt === undefined ? {} : { evidenceTime: { label: 'last sync', at: lastSyncAt } };
      findings.push({ kind: 'sync_lag', subject: 'telemetry', cause: age === undefined ? 'Telemetry has never synced with the remote' : `Telemetry sync is ${Math.floor(age / hourMs)} h behind`, evidence, ...lastSync, weight: age === undefined || age > dayMs ? 10 : 5, sync: { remoteError: remoteError !== undefined } });
    }
  } else notAssessed.push({ kind: 'sync_lag', reason: 'no remote Postgres configured' });
  return { findings, notAssessed };
}

/** Failed runs in the last 24 h (one finding per workflow) and approvals waiting over a day. */
function workflowFindings(wf: WorkflowSources, now: number): Finding[] {
  const findings: Finding[] = [];
  const byWorkflow = new Map<string, RunSummary[]>();
  for (const r of failedRuns24h(wf, now)) {
    const key = r.workflowId ?? r.workflowName;
    byWorkflow.set(key, [...(byWorkflow.get(key) ?? []), r]);
  }
  for (const runs of byWorkflow.values()) {
    const first = runs[0]!;
    const lastError = runs.find((r) => r.error)?.error?.message;
    findings.push({
      kind: 'failed_runs',
      subject: first.workflowId ?? first.workflowName,
      cause: `Workflow "${first.workflowName}" failed ${runs.length} time${runs.length === 1 ? '' : 's'} in 24 h`,
      evidence: `runs ${runs.slice(0, 5).map((r) => r.id).join(', ')}${lastError ? `; last error: ${lastError}` : ''}`,
      weight: Math.min(9, 3 * runs.length),
      workflow: { id: first.workflowId, name: first.workflowName, failedRunIds: runs.map((r) => r.id) },
    });
  }
  for (const a of wf.approvals.list({ status: 'pending', limit: 1000 })) {
    const waited = now - a.requestedAt;
    if (waited <= dayMs) continue;
    findings.push({
      kind: 'approval_waiting',
      subject: a.id,
      cause: `Approval for "${a.workflowName ?? a.subject.title}" (${a.stepType}, class ${a.class}) waiting ${Math.floor(waited / hourMs)} h`,
      evidence: `by ${a.requestedBy}: ${a.message}`,
      evidenceTime: { label: 'requested', at: a.requestedAt },
      weight: 5,
      approval: { id: a.id, class: a.class, kind: a.subject.kind },
    });
  }
  return findings;
}

export function failedRuns24h(wf: WorkflowSources, now: number): RunSummary[] {
  return wf.runs.list({ status: 'failed', limit: 1000 }).filter((r) => (r.finishedAt ?? r.createdAt) >= now - dayMs);
}
