import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { ClassBadge } from '../../../components/ClassBadge';
import type { StepFlowNode } from './flow-model';
import { toneClass } from '../../../components/tone';
import { nodeRunStateLabels, nodeRunStateTone } from './node-state';

/** One step on the canvas: title, type, class, run state and its validation problems. */
function StepNodeView({ data, selected }: NodeProps<StepFlowNode>) {
  const invalid = data.problems.length > 0;
  const multi = data.ports.length > 1;
  return (
    <div
      className={`fc-node fc-node--${data.stepClass ?? 'unknown'}${invalid ? ' fc-node--invalid' : ''}${selected ? ' fc-node--selected' : ''}`}
      data-testid={`node-${data.nodeId}`}
      data-state={data.state}
      data-invalid={invalid ? 'true' : undefined}
      data-type={data.type}
    >
      <Handle type="target" position={Position.Left} id="in" className="fc-handle fc-handle--in" isConnectable={!data.readOnly} />
      <div className="fc-node__head">
        <ClassBadge cls={data.stepClass} raised={data.raisedClass} small />
        <span className="fc-node__title" title={data.title}>
          {data.title}
        </span>
        {data.state ? (
          <span className={`pill pill--plain fc-state ${toneClass(nodeRunStateTone[data.state])}`} title={nodeRunStateLabels[data.state]}>
            {nodeRunStateLabels[data.state]}
          </span>
        ) : null}
      </div>
      <div className="fc-node__sub">
        <code>{data.nodeId}</code>
        <span className={data.typeTitle ? '' : 'fc-node__unknown'}>{data.typeTitle ? data.type : `unknown type “${data.type}”`}</span>
      </div>
      {data.approvalNote ? (
        <p className={`fc-node__note fc-node__note--${data.approvalNote.kind}`} data-testid={`node-approval-note-${data.nodeId}`} title={data.approvalNote.text}>
          {data.approvalNote.text}
        </p>
      ) : null}
      {invalid ? (
        <ul className="fc-node__problems" data-testid={`node-problems-${data.nodeId}`} title={data.problems.join('\n')}>
          {data.problems.slice(0, 2).map((p, i) => (
            <li key={i}>{p}</li>
          ))}
          {data.problems.length > 2 ? <li className="fc-node__more">+{data.problems.length - 2} more</li> : null}
        </ul>
      ) : null}
      <div className={`fc-ports${multi ? ' fc-ports--multi' : ''}`}>
        {data.ports.map((port, i) => (
          <div key={port} className={`fc-port${data.badPorts.includes(port) ? ' fc-port--bad' : ''}`} style={{ top: portTop(i, data.ports.length) }}>
            {multi || data.badPorts.length ? <span className="fc-port__label">{port}</span> : null}
            <Handle
              type="source"
              position={Position.Right}
              id={port}
              className="fc-handle fc-handle--out"
              isConnectable={!data.readOnly}
              data-testid={`handle-${data.nodeId}-${port}`}
              title={`Drag to connect the “${port}” port`}
            />
          </div>
        ))}
      </div>
    </div>
  );
}

function portTop(i: number, n: number): string {
  return `${((i + 1) / (n + 1)) * 100}%`;
}

export const StepNode = memo(StepNodeView);
