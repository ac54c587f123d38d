import { useState } from 'react';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks/use-action';

/** Writes a set's six Markdown files into its product's content folder (content.exportSet) and says which. */
export function ExportButton({ setId, label = 'Export as Markdown' }: { setId: string; label?: string }) {
  const action = useAction();
  const [done, setDone] = useState<{ product: string; folder: string; files: string[] } | undefined>(undefined);
  const exportSet = () => void action.run(async () => setDone(await getApi().content.exportSet({ setId })), 'export');
  return (
    <div className="content-export">
      <button type="button" className="button button--ghost" disabled={action.pending} onClick={exportSet}>
        {action.pending ? 'Exporting…' : label}
      </button>
      {done ? (
        <p className="muted" role="status" data-testid="export-result">
          Wrote {done.files.length} files to <code>{done.folder}/</code> in {done.product}’s content folder: {done.files.join(', ')}
        </p>
      ) : null}
      <ErrorNotice message={action.error} inline />
    </div>
  );
}
