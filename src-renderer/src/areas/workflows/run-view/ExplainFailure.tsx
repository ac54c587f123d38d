import { useState } from 'react';
import type { ExplainAnswer } from '../../../../../shared/contract/ai-explain';
import { getApi } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAction } from '../../../hooks/use-action';
import { navigate, workflowsHref } from '../routes';

/** What the fix button does, in words, before the founder clicks it. */
function FixNote({ fix }: { fix: ExplainAnswer['fix'] }) {
  if (fix.kind === 'retry') return <span className="muted">Runs it again from the failed step; the steps that succeeded are kept.</span>;
  return (
    <span className="muted">
      Sets <code>{fix.stepId}</code> › <code>{fix.param}</code> to <code>{JSON.stringify(fix.value)}</code> in a new, disabled copy of the workflow, opened in the editor. Nothing runs.
    </span>
  );
}

/**
 * "Explain this failure" on a failed run: the AI model's likely cause and one fix. Nothing
 * happens until the founder clicks the fix; without a model the one line says why.
 */
export function ExplainFailure({ runId, onRetried }: { runId: string; onRetried: () => void }) {
  const ask = useAction();
  const fix = useAction();
  const [answer, setAnswer] = useState<ExplainAnswer | undefined>(undefined);

  const explain = () => void ask.run(async () => setAnswer(await getApi().ai.explain({ runId })), 'explain');
  const apply = (chosen: ExplainAnswer['fix']) =>
    void fix.run(async () => {
      if (chosen.kind === 'retry') {
        await getApi().runs.retry({ id: runId });
        onRetried();
        return;
      }
      const draft = await getApi().ai.explainApply({ runId, fix: chosen });
      navigate(workflowsHref.editor(draft.workflowId));
    }, 'fix');

  return (
    <section className="card section wfx-explain" aria-labelledby="wfx-explain-title" data-testid="run-explain">
      <div className="section-head">
        <h2 id="wfx-explain-title">Why did it fail?</h2>
        <button type="button" className="button" disabled={ask.pending || fix.pending} onClick={explain} data-testid="run-explain-ask">
          {ask.pending ? 'Asking the AI model…' : answer ? 'Explain again' : 'Explain this failure'}
        </button>
      </div>
      <ErrorNotice message={ask.error} inline testId="run-explain-error" />
      {answer ? (
        <div className="stack" data-testid="run-explain-answer">
          <p className="wfx-explain__cause">
            <strong>Cause:</strong> <span data-testid="run-explain-cause">{answer.cause}</span>
          </p>
          <p>{answer.explanation}</p>
          <div className="actions">
            <button type="button" className="button" disabled={fix.pending} onClick={() => apply(answer.fix)} data-testid="run-explain-fix">
              {fix.pending ? 'Working…' : answer.fix.kind === 'retry' ? 'Retry' : 'Apply to a draft'}
            </button>
            <FixNote fix={answer.fix} />
          </div>
          <ErrorNotice message={fix.error} inline />
        </div>
      ) : ask.error ? null : (
        <p className="muted">The AI model reads the workflow, the failed step’s settings (secrets removed), its error and the log, and suggests one fix you can apply or ignore.</p>
      )}
    </section>
  );
}
