import { useState } from 'react';
import type { PageEntry } from '../../../../shared/contract/backup-page';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { When } from '../../components/When';
import { useLoad } from '../../hooks/use-load';
import { formatBytes } from './format';

interface TreeProps {
  plan: string;
  snapshot: string;
  onRestore(path: string): void;
}

/** One folder's entries, loaded when shown; folders open in place. */
function Folder({ plan, snapshot, path, onRestore }: TreeProps & { path: string | undefined }) {
  const listed = useLoad(() => getApi().backup.pageBrowse({ plan, snapshot, ...(path ? { path } : {}) }), [plan, snapshot, path]);
  if (listed.error) return <ErrorNotice message={listed.error} inline onRetry={listed.reload} />;
  if (!listed.data) return <p className="muted">Loading…</p>;
  if (listed.data.entries.length === 0) return <p className="muted">Empty folder.</p>;
  return (
    <ul className="bk-tree" role="group">
      {listed.data.entries.map((e) => (
        <Entry key={e.path} entry={e} plan={plan} snapshot={snapshot} onRestore={onRestore} />
      ))}
    </ul>
  );
}

function Entry({ entry, ...tree }: TreeProps & { entry: PageEntry }) {
  const [open, setOpen] = useState(false);
  const dir = entry.type === 'dir';
  return (
    <li className="bk-tree__item" role="treeitem" aria-expanded={dir ? open : undefined} data-testid="snapshot-entry" data-path={entry.path}>
      <div className="bk-tree__row">
        {dir ? (
          <button type="button" className="bare bk-tree__toggle" aria-label={`${open ? 'Close' : 'Open'} ${entry.name}`} onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="bk-tree__toggle" aria-hidden="true" />
        )}
        <span className="bk-tree__name">{dir ? `${entry.name}/` : entry.name}</span>
        <span className="muted num bk-tree__size">{entry.size !== null && !dir ? formatBytes(entry.size) : ''}</span>
        <span className="muted bk-tree__when">{entry.mtime !== null ? <When at={entry.mtime} /> : null}</span>
        <button type="button" className="button button--ghost button--small" onClick={() => tree.onRestore(entry.path)} data-testid="snapshot-entry-restore">
          Restore…
        </button>
      </div>
      {dir && open ? <Folder {...tree} path={entry.path} /> : null}
    </li>
  );
}

/** A snapshot's tree from its roots (app-data, products, folder-1 …), never a path of this machine. */
export function SnapshotTree(props: TreeProps) {
  return (
    <div role="tree" aria-label="Snapshot contents" data-testid="snapshot-tree">
      <Folder {...props} path={undefined} />
    </div>
  );
}
