import type { WorkflowDiff } from '../../../../../shared/contract/ai-workflow';
import { diffLines } from '../../../../../shared/ai-workflow-diff';

const tone = { '+': 'tone--good', '-': 'tone--bad', '~': 'tone--warn' } as const;

/** A proposed change, line by line: + added, - removed, ~ changed (params with before → after). */
export function DiffView({ diff }: { diff: WorkflowDiff }) {
  const lines = diffLines(diff);
  if (lines.length === 0) return <p className="muted">No change: the workflow would stay as it is.</p>;
  return (
    <ul className="wfx-diff" data-testid="ai-diff">
      {lines.map((l, i) => (
        <li key={i} className={`wfx-diff__line ${tone[l.sign]}`}>
          <span aria-hidden="true">{l.sign} </span>
          {l.text}
          {l.detail.length ? (
            <ul>
              {l.detail.map((d) => (
                <li key={d}>
                  <code>{d}</code>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
