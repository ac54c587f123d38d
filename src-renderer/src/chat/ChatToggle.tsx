/** The title bar's switch for the chat panel; the shortcut is Ctrl+J (⌘J on a Mac). */
export function ChatToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="button button--small button--ghost" aria-pressed={open} aria-keyshortcuts="Control+J Meta+J" title="Assistant (Ctrl+J)" onClick={onToggle} data-testid="chat-toggle">
      Assistant
    </button>
  );
}
