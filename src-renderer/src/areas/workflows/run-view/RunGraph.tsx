import type { RunDetail, StepTypeInfo } from '../../../../../shared/contract/workflows';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { toneClass } from '../../../components/tone';
import { nodeRunStateLabels, nodeRunStateTone } from '../canvas/node-state';
import { triggerNodeId, type NodeStates } from './run-state';

/**
 * The run's graph (the editor's canvas, read-only, coloured by state) and the same nodes as
 * a list, for the keyboard and for a run whose document is gone.
 */
export function RunGraph({
  run,
  states,
  stepTypes,
  selected,
  onSelect,
}: {
  run: RunDetail;
  states: NodeStates;
  stepTypes: StepTypeInfo[] | undefined;
  selected: string;
  onSelect(nodeId: string): void;
}) {
  const ids = [triggerNodeId, ...(run.workflow?.nodes.map((n) => n.id) ?? run.steps.map((s) => s.id))];
  const names = new Map(run.workflow?.nodes.map((n) => [n.id, n.name ?? n.id]) ?? []);
  return (
    <div className="wfx-graph">
      {run.workflow && stepTypes ? (
        <div className="wfx-graph__canvas">
          <FlowCanvas document={run.workflow} stepTypes={stepTypes} readOnly nodeStatus={states} onNodeClick={onSelect} selectedNodeId={selected} />
        </div>
      ) : run.workflow ? (
        <p className="muted">Loading the graph…</p>
      ) : (
        <p className="muted">This run's workflow document is no longer stored; its steps are listed below.</p>
      )}
      <ol className="plain-list wfx-steps" aria-label="Steps of this run">
        {ids.map((id) => {
          const state = states[id] ?? 'pending';
          return (
            <li key={id}>
              <button
                type="button"
                className={`wfx-step ${toneClass(nodeRunStateTone[state])}`}
                aria-pressed={selected === id}
                data-testid={`step-${id}`}
                data-state={state}
                onClick={() => onSelect(id)}
              >
                <span className="wfx-step__name">{id === triggerNodeId ? 'Trigger' : (names.get(id) ?? id)}</span>
                <span className="wfx-step__state">{nodeRunStateLabels[state]}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
