import type { LaunchStage } from '../../../../shared/stage';
import { parseDuration, type StepClass } from '../../../../shared/workflow';
import { uuidv7 } from '../../ids';
import type { StepContext } from '../step';
import type { ApprovalStore } from '../../approvals';
import { emit, toStepError, type RunState, type NodeState } from './run-state';
import type { GroupCommit } from './group-commit';
import { settle, type SettleDeps } from './settle';

export interface AskApprovalDeps extends SettleDeps {
  approvals: ApprovalStore;
}

/**
 * The gate said ask: the step's preview becomes a pending approval and the node waits for
 * it, both committed together (the approval is announced only once it is written).
 */
export function askApproval(deps: AskApprovalDeps, commits: GroupCommit, d: RunState, n: NodeState, ctx: StepContext<unknown>, cls: StepClass, stage: LaunchStage): Promise<void> {
  return (async () => {
    const now = deps.clock.now();
    let preview: unknown;
    try {
      preview = n.def.preview ? await n.def.preview(ctx) : { type: n.def.type, params: ctx.params };
    } catch (err) {
      preview = { error: toStepError(err).message };
    }
    const policy = n.node.approval;
    const timeoutMs = policy?.timeout ? (parseDuration(policy.timeout) ?? null) : null;
    const message =
      policy?.message ??
      (preview && typeof preview === 'object' && typeof (preview as { message?: unknown }).message === 'string'
        ? (preview as { message: string }).message
        : `Run ${n.def.title} step "${n.node.name ?? n.id}" (class ${cls}) in "${d.run.workflow_name}"`);
    const id = uuidv7(now);
    const expiresAt = timeoutMs === null ? null : now + timeoutMs;
    d.writes.push(() =>
      deps.approvals.insert({
        id,
        runId: d.run.id,
        nodeId: n.id,
        workflowId: d.run.workflow_id,
        workflowName: d.run.workflow_name,
        stepType: n.def.type,
        class: cls,
        stage,
        message,
        preview: JSON.stringify(preview ?? null),
        requestedBy: `workflow "${d.run.workflow_name}" (${d.run.trigger} run ${d.run.id})`,
        requestedAt: now,
        expiresAt,
        onTimeout: policy?.onTimeout ?? 'reject',
      }),
    );
    n.approvalId = id;
    n.state = { wait: 'approval' };
    settle(deps, d, n, { status: 'waiting', wakeAt: expiresAt, mode: null });
    d.after.push(() => {
      const a = deps.approvals.get(id);
      if (a) emit(deps.events, 'approval.requested', () => a);
    });
    await commits.commit(d);
  })();
}
