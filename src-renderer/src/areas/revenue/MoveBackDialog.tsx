import { useState } from 'react';
import { stageLabel } from '../../../../shared/pipeline-stages';
import { Modal } from '../../components/Modal';

/** A move back needs a note saying why (kept as the item's stage reason and in its change log). */
export function MoveBackDialog({ from, to, onMove, onClose }: { from: string; to: string; onMove(note: string): void; onClose(): void }) {
  const [note, setNote] = useState('');
  const ready = note.trim() !== '';
  return (
    <Modal title={`Move back from ${stageLabel(from)} to ${stageLabel(to)}?`} testId="move-back-dialog" onClose={onClose}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) onMove(note.trim());
        }}
      >
        <label className="field">
          <span>Why is it moving back?</span>
          <textarea className="input" rows={3} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
        </label>
        <div className="actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={!ready}>
            Move back
          </button>
        </div>
      </form>
    </Modal>
  );
}
