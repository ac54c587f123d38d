import type { RunDetail, RunStepDetail } from '../../../../../shared/contract/workflows';
import type { Approval } from '../../../../../shared/contract/approvals';
import { formatJson } from '../../../format/json';
import { formatTimeExact } from '../../../format/time';
import { When } from '../../../components/When';
import { ClassBadge } from '../../../components/ClassBadge';
import { formatDuration } from '../format';
import { toneClass } from '../../../components/tone';
import { nodeRunStateTone } from '../canvas/node-state';
import { triggerNodeId, type NodeState } from './run-state';

function Block({ label, value, testId }: { label: string; value: unknown; testId: string }) {
  if (value === undefined) return null;
  return (
    <div className="wfx-block">
      <span className="eyebrow">{label}</span>
      <pre className="code-block" data-testid={testId}>{formatJson(value)}</pre>
    </div>
  );
}

const stateText: Record<NodeState, string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  rejected: 'Rejected: you said no, so it did not run',
  waiting: 'Waiting',
  'dry-run': 'Only dry-ran: nothing was sent or changed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
  pending: 'Not started',
};

/** Why a waiting step waits, from its row and its approval. */
function waitReason(step: RunStepDetail, approval: Approval | undefined): string {
  if (approval?.status === 'pending') return 'for your approval';
  if (step.error) return `to retry after: ${step.error.message}`;
  return step.wakeAt !== null ? `until ${formatTimeExact(step.wakeAt)}` : 'for a child run or an event';
}

/** One node of the run: state, attempts, input, output, error, its log lines. */
export function NodeDetail({ run, nodeId, state, nodeName }: { run: RunDetail; nodeId: string; state: NodeState; nodeName: string }) {
  if (nodeId === triggerNodeId) {
    return (
      <section className="wfx-detail" data-testid="node-detail" data-node={nodeId} aria-label="Trigger">
        <h3>Trigger · {run.trigger}</h3>
        <p className="muted">
          {run.startedAt !== null ? `Started ${formatTimeExact(run.startedAt)}` : `Queued ${formatTimeExact(run.createdAt)}`}
          {run.scheduledFor !== null ? ` · scheduled for ${formatTimeExact(run.scheduledFor)}` : ''}
        </p>
        <Block label="Input" value={run.input} testId="node-input" />
      </section>
    );
  }
  const step = run.steps.find((s) => s.id === nodeId);
  const approval = [...run.approvals].reverse().find((a) => a.nodeId === nodeId);
  const logs = run.logs.filter((l) => l.nodeId === nodeId);
  return (
    <section className="wfx-detail" data-testid="node-detail" data-node={nodeId} aria-label={`Step ${nodeName}`}>
      <h3>
        {nodeName} <span className={`pill pill--plain pill--outlined ${toneClass(nodeRunStateTone[state])}`}>{stateText[state]}</span>
      </h3>
      {!step ? (
        <p className="muted">This step has not started in this run{state === 'cancelled' ? ', and will not: the run was cancelled' : ''}.</p>
      ) : (
        <>
          <dl className="facts">
            <dt>Type</dt>
            <dd>
              {step.type} · <ClassBadge small cls={step.class} testId="node-detail-class" />
            </dd>
            <dt>Attempts</dt>
            <dd data-testid="node-attempts">{step.attempts}</dd>
            {step.startedAt !== null ? (
              <>
                <dt>Started</dt>
                <dd>{formatTimeExact(step.startedAt)}</dd>
              </>
            ) : null}
            {step.finishedAt !== null && step.startedAt !== null ? (
              <>
                <dt>Took</dt>
                <dd>{formatDuration(step.finishedAt - step.startedAt)}</dd>
              </>
            ) : null}
            {step.port !== null ? (
              <>
                <dt>Took port</dt>
                <dd>{step.port}</dd>
              </>
            ) : null}
            {step.status === 'waiting' ? (
              <>
                <dt>Waiting</dt>
                <dd>{waitReason(step, approval)}</dd>
              </>
            ) : null}
            {approval ? (
              <>
                <dt>Approval</dt>
                <dd>
                  {approval.status}
                  {approval.decidedBy ? ` by ${approval.decidedBy}` : ''}
                  {approval.reason ? ` — “${approval.reason}”` : ''}
                </dd>
              </>
            ) : null}
          </dl>
          {step.error ? (
            <div className="wfx-error" role="status" data-testid="node-error">
              <strong>{step.error.code}</strong> {step.error.message}
            </div>
          ) : null}
          <Block label="Input (resolved params)" value={step.input} testId="node-input" />
          <Block label={step.mode === 'dry-run' ? 'Output (dry run: what it would have done)' : 'Output'} value={step.output} testId="node-output" />
        </>
      )}
      {logs.length > 0 ? (
        <div className="wfx-block">
          <span className="eyebrow">Log</span>
          <ul className="plain-list wfx-log">
            {logs.map((l, i) => (
              <li key={i} className={`wfx-log__line wfx-log__line--${l.level}`}>
                <When at={l.at} show="clock" /> {l.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
