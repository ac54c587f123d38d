/** A quiet confirmation announced to screen readers. */
export function SavedNotice({ show, text = 'Saved' }: { show: boolean; text?: string }) {
  return (
    <span className="saved-notice" role="status" aria-live="polite">
      {show ? text : ''}
    </span>
  );
}
