import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useChat, type ChatEntry } from './use-chat';
import './chat.css';

/** A failed turn: its one line, with the way to Settings when the model cannot be reached or has no key. */
function Failure({ failure }: { failure: NonNullable<ChatEntry['failure']> }) {
  if (failure.code === 'CANCELLED') return <p className="muted">Stopped.</p>;
  return (
    <p className="toned tone--bad" role="alert" data-testid="chat-failure">
      {failure.message} {failure.code === 'UNAVAILABLE' ? <a href="#/settings">Open Settings</a> : null}
    </p>
  );
}

function Answer({ entry }: { entry: ChatEntry }) {
  return (
    <li className="chat__entry chat__entry--assistant" data-testid="chat-answer" aria-busy={entry.streaming}>
      {entry.tools.length > 0 ? <p className="chat__tools muted">looked at: {entry.tools.map((t) => t.replace(/_/g, ' ')).join(', ')}</p> : null}
      {entry.content !== '' ? <p className="chat__text">{entry.content}</p> : entry.streaming ? <p className="muted">Thinking…</p> : null}
      {entry.failure ? <Failure failure={entry.failure} /> : null}
      {entry.actions.length > 0 ? (
        <div className="actions">
          {entry.actions.map((a) => (
            <a key={a.href} className="button button--small" href={a.href} data-testid="chat-action">
              {a.label}
            </a>
          ))}
        </div>
      ) : null}
    </li>
  );
}

/**
 * The chat assistant beside every area: questions about the app's own data, answers streamed as
 * they come, the tools it read, and buttons that only open a screen of the app (it never acts).
 * It stays mounted while closed, so the conversation survives closing the panel and moving areas.
 */
export function ChatPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { entries, busy, send, cancel, reset } = useChat();
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const end = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  // a block, not an expression: newer browsers answer scrollIntoView with a promise, which React would take for a cleanup
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [entries]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const message = draft.trim();
    if (message === '' || busy) return;
    setDraft('');
    void send(message);
  };

  return (
    <aside className="chat" aria-label="Chat assistant" data-testid="chat-panel" hidden={!open} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="chat__head">
        <h2>Assistant</h2>
        <div className="actions">
          <button type="button" className="button button--small" onClick={reset} disabled={entries.length === 0}>
            New conversation
          </button>
          <button type="button" className="button button--small" onClick={onClose} aria-label="Close the assistant">
            Close
          </button>
        </div>
      </div>
      <ol className="plain-list chat__log" aria-live="polite">
        {entries.length === 0 ? <li className="empty">Ask about your health score, failed runs, approvals, anomalies, revenue or launches. The assistant reads your data and never changes it.</li> : null}
        {entries.map((entry, i) =>
          entry.role === 'user' ? (
            <li key={i} className="chat__entry chat__entry--user">
              {entry.content}
            </li>
          ) : (
            <Answer key={i} entry={entry} />
          ),
        )}
        <li ref={end} aria-hidden="true" />
      </ol>
      <form className="chat__form" onSubmit={onSubmit}>
        <textarea
          ref={input}
          className="input"
          aria-label="Your question"
          rows={3}
          maxLength={4000}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) onSubmit(e);
          }}
        />
        <div className="actions">
          {busy ? (
            <button type="button" className="button" onClick={cancel}>
              Cancel
            </button>
          ) : null}
          <button type="submit" className="button" disabled={busy || draft.trim() === ''}>
            Ask
          </button>
        </div>
      </form>
    </aside>
  );
}
