import { useEffect, useState } from 'react';
import type { AiWorkflowAnswer } from '../../../../../shared/contract/ai-workflow';
import { getApi } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAction } from '../../../hooks/use-action';
import { DiffView } from './DiffView';

interface Props {
  workflowId: string | undefined;
  /** What the assistant said about the graph it built (a new workflow opened from "Describe a workflow"). */
  explanation: string | undefined;
  /** Unsaved edits: the assistant changes the saved workflow, so they must be saved first. */
  dirty: boolean;
  /** Shows a proposed document on the canvas (read-only), or stops showing it. */
  onPropose(document: Record<string, unknown> | undefined): void;
  /** Saves the accepted document as the workflow's new version. */
  onAccept(document: Record<string, unknown>): Promise<void>;
}

/** The editor's AI tab: the assistant's explanation, and "Change with AI" → a diff to accept or discard. */
export function AssistantPanel({ workflowId, explanation, dirty, onPropose, onAccept }: Props) {
  const [text, setText] = useState('');
  const [proposal, setProposal] = useState<AiWorkflowAnswer | undefined>(undefined);
  const ask = useAction();
  const accept = useAction();
  // leaving the tab discards the proposal, so the canvas never stays read-only with no way back
  useEffect(() => () => onPropose(undefined), [onPropose]);
  const discard = () => {
    setProposal(undefined);
    onPropose(undefined);
  };
  const change = () =>
    void ask.run(async () => {
      if (!workflowId) return;
      const answer = await getApi().ai.workflow({ text, workflowId });
      setProposal(answer);
      onPropose(answer.document);
    });
  return (
    <div className="wfe-panel__body" data-testid="assistant-panel">
      <header className="wfe-panel__head">
        <h2>AI assistant</h2>
      </header>
      {explanation && !proposal ? (
        <section className="stack" data-testid="assistant-explanation">
          <h3>What the assistant built</h3>
          <p>{explanation}</p>
          <p className="muted">Review each step before saving: it is saved turned off, and nothing runs until you turn it on or press Run.</p>
        </section>
      ) : null}
      {workflowId ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            change();
          }}
        >
          <label htmlFor="assistant-change-text">Change this workflow so that…</label>
          <textarea id="assistant-change-text" className="input" rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder="it also logs the response time" disabled={Boolean(proposal)} />
          <button type="submit" className="button" disabled={ask.pending || dirty || Boolean(proposal) || text.trim() === ''} title={dirty ? 'Save your changes first: the assistant changes the saved workflow' : undefined}>
            {ask.pending ? 'Asking…' : 'Change with AI'}
          </button>
          <ErrorNotice message={ask.error?.message} inline testId="assistant-error" />
        </form>
      ) : (
        <p className="muted">Save the workflow first to change it with AI.</p>
      )}
      {proposal ? (
        <section className="stack" data-testid="assistant-proposal">
          <h3>Proposed change</h3>
          <p>{proposal.explanation}</p>
          {proposal.diff ? <DiffView diff={proposal.diff} /> : null}
          <div className="toolbar">
            <button
              type="button"
              className="button"
              disabled={accept.pending}
              onClick={() =>
                void accept.run(async () => {
                  await onAccept(proposal.document);
                  setProposal(undefined);
                  setText('');
                })
              }
            >
              Accept
            </button>
            <button type="button" className="button button--ghost" disabled={accept.pending} onClick={discard}>
              Discard
            </button>
          </div>
          <ErrorNotice message={accept.error && `Not saved: ${accept.error.message}`} inline testId="assistant-accept-error" />
        </section>
      ) : null}
    </div>
  );
}
