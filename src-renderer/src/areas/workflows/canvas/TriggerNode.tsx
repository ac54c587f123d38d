import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { TriggerFlowNode } from './flow-model';
import { TRIGGER_NODE_ID } from './node-state';
import { TriggerIcon } from './TriggerIcon';

/** The trigger, drawn first: it feeds every step that has no incoming edge. */
function TriggerNodeView({ data, selected }: NodeProps<TriggerFlowNode>) {
  const invalid = data.problems.length > 0;
  return (
    <div
      className={`fc-node fc-node--trigger${invalid ? ' fc-node--invalid' : ''}${selected ? ' fc-node--selected' : ''}`}
      data-testid={`node-${TRIGGER_NODE_ID}`}
      data-state={data.state}
      data-invalid={invalid ? 'true' : undefined}
    >
      <div className="fc-node__head">
        <span className="fc-trigger-icon" aria-hidden>
          <TriggerIcon type={data.triggerType} />
        </span>
        <span className="fc-node__title">Trigger · {data.triggerType}</span>
      </div>
      <div className="fc-node__sub">
        <span title={data.summary}>{data.summary}</span>
      </div>
      {invalid ? (
        <ul className="fc-node__problems" title={data.problems.join('\n')}>
          {data.problems.slice(0, 2).map((p, i) => (
            <li key={i}>{p}</li>
          ))}
          {data.problems.length > 2 ? <li className="fc-node__more">+{data.problems.length - 2} more</li> : null}
        </ul>
      ) : null}
      <Handle type="source" position={Position.Right} id="out" className="fc-handle fc-handle--out" isConnectable={false} />
    </div>
  );
}

export const TriggerNode = memo(TriggerNodeView);
