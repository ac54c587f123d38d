import { useId, useState } from 'react';
import type { RestoreResult } from '../../../../shared/contract/backup';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { useAction } from '../../hooks/use-action';
import { DialogActions } from './DialogActions';
import { formatBytes, restoreFolderPattern, suggestedFolder } from './format';

/** Restores a snapshot, or one file or folder of it, into a new folder under the data folder's restores/. */
export function RestoreDialog({ plan, snapshot, shortId, path, onClose }: { plan: string; snapshot: string; shortId: string; path: string | undefined; onClose(): void }) {
  const id = useId();
  const [folder, setFolder] = useState(() => suggestedFolder(shortId, path));
  const [done, setDone] = useState<(RestoreResult & { restoredAt: string }) | undefined>(undefined);
  const restore = useAction();
  const problem = restoreFolderPattern.test(folder) ? undefined : 'must be a folder name: letters, digits, dots, dashes and underscores, starting with a letter or digit';
  const submit = () =>
    void restore.run(async () => {
      if (problem) return;
      setDone(await getApi().backup.pageRestore({ plan, snapshot, folder, ...(path ? { path } : {}) }));
    });
  return (
    <Modal title={`Restore ${path ?? `snapshot ${shortId}`}`} testId="restore-dialog" busy={restore.pending} onClose={onClose}>
      {done ? (
        <div className="dialog__body" data-testid="restore-done">
          <p className="toned tone--good">
            Restored {done.files} {done.files === 1 ? 'file' : 'files'} ({formatBytes(done.bytes)}).
          </p>
          <p>It is at:</p>
          <code className="code-block" data-testid="restore-where">
            {done.restoredAt}
          </code>
        </div>
      ) : (
        <form
          className="dialog__body stack"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <p className="muted">Into a new folder under the app’s data folder’s restores/, never over live data. restic recreates the snapshot’s folders inside it.</p>
          <div className="field">
            <label htmlFor={`${id}-folder`}>New folder’s name</label>
            <input id={`${id}-folder`} className="input" value={folder} onChange={(e) => setFolder(e.target.value)} aria-invalid={problem !== undefined} data-testid="restore-folder" />
            {problem ? (
              <p className="field-error" role="alert">
                <strong>folder: </strong>
                {problem}
              </p>
            ) : null}
          </div>
          <ErrorNotice message={restore.error} inline testId="restore-error" />
          <DialogActions pending={restore.pending} disabled={problem !== undefined} submitLabel="Restore" pendingLabel="Restoring…" testId="restore-submit" onCancel={onClose} />
        </form>
      )}
      {done ? (
        <div className="actions dialog__actions">
          <button type="button" className="button" onClick={onClose} data-testid="restore-close">
            Close
          </button>
        </div>
      ) : null}
    </Modal>
  );
}
