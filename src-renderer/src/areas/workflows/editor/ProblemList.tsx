import { memo } from 'react';
import { TRIGGER_NODE_ID } from '../canvas/node-state';
import type { MappedProblem } from './problems';

/** Every validation problem; clicking one selects its step (or the trigger). */
function ProblemListView({ problems, checking, onPick }: { problems: readonly MappedProblem[]; checking: boolean; onPick: (nodeId: string) => void }) {
  return (
    <section className="wfe-problems" aria-label="Problems" data-testid="problem-list">
      <h3>
        {problems.length === 0 ? (checking ? 'Checking…' : 'No problems') : `${problems.length} problem${problems.length === 1 ? '' : 's'}`}
        {problems.length > 0 ? <span className="muted"> — fix them to run; you can still save a draft</span> : null}
      </h3>
      {problems.length > 0 ? (
        <ul className="plain-list">
          {problems.map((p, i) => (
            <li key={`${p.path}:${i}`}>
              <button type="button" className="bare wfe-problem" disabled={!p.nodeId} onClick={() => p.nodeId && onPick(p.nodeId)} title={p.nodeId ? 'Select this step' : undefined}>
                <span className="wfe-problem__where">{p.nodeId === TRIGGER_NODE_ID ? 'trigger' : (p.nodeId ?? 'workflow')}</span>
                <code>{p.path}</code>
                <span>{p.message}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export const ProblemList = memo(ProblemListView);
