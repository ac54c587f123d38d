import type { RunDetail, RunSummary } from '../../../../../shared/contract/workflows';
import { getApi } from '../../../api/client';
import { useLoad } from '../../../hooks/use-load';
import { runHref } from '../routes';
import { StatusBadge } from '../StatusBadge';

function RunLink({ r, label }: { r: RunSummary; label: string }) {
  const text = (
    <>
      {label} <strong>{r.workflowName}</strong>
    </>
  );
  return (
    <li className="toolbar wfx-related__item" data-testid={`related-${r.id}`}>
      <a href={runHref(r)}>{text}</a>
      <StatusBadge status={r.status} dryRun={r.dryRun} />
    </li>
  );
}

/** The run that started this one (workflow.run) and the child runs it started, each a link to its own run view. */
export function RelatedRuns({ run }: { run: RunDetail }) {
  const ids = [...(run.parentRunId ? [run.parentRunId] : []), ...run.children];
  const related = useLoad(() => Promise.all(ids.map((id) => getApi().runs.get({ id }))), [ids.join(','), run.status]);
  if (ids.length === 0 || !related.data) return null;
  return (
    <section className="card section" aria-labelledby="wfx-related-title">
      <div className="section__head">
        <h2 id="wfx-related-title">Related runs</h2>
      </div>
      <ul className="plain-list wfx-related">
        {related.data.map((r) => (
          <RunLink key={r.id} r={r} label={r.id === run.parentRunId ? 'Started by' : 'Child run:'} />
        ))}
      </ul>
    </section>
  );
}
