import { useState } from 'react';
import { getApi } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAction } from '../../../hooks/use-action';
import { setPendingImport } from '../editor/pending-import';
import { navigate, workflowsHref } from '../routes';

/**
 * "Describe a workflow": the sentence goes to the workflow assistant (ai.workflow); its graph
 * opens in the editor as an unsaved draft with the explanation beside it. Nothing is saved here.
 */
export function DescribeWorkflow() {
  const [text, setText] = useState('');
  const ask = useAction();
  const build = () =>
    void ask.run(async () => {
      const answer = await getApi().ai.workflow({ text });
      setPendingImport(answer.document, 'the assistant\u2019s workflow', answer.explanation);
      navigate(workflowsHref.importDraft());
    });
  return (
    <section className="card stack wfx-describe" data-testid="describe-workflow">
      <label htmlFor="describe-workflow-text">
        <strong>Describe a workflow</strong>
      </label>
      <textarea id="describe-workflow-text" className="input" rows={2} value={text} onChange={(e) => setText(e.target.value)} placeholder="Every weekday at 9, check the site and tell me on Telegram if it's down" />
      <div className="toolbar">
        <button type="button" className="button" onClick={build} disabled={ask.pending || text.trim() === ''}>
          {ask.pending ? 'Building…' : 'Build it with AI'}
        </button>
        <span className="muted">It opens in the editor as an unsaved draft; nothing runs or turns on until you say so.</span>
      </div>
      <ErrorNotice message={ask.error?.message} inline testId="describe-workflow-error" />
    </section>
  );
}
