import { useCallback, useEffect, useRef } from 'react';
import { formatBytes } from '../../../../shared/bytes';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../hooks/use-load';
import { SendList } from './SendList';
import { useDropZone } from './use-drop-zone';
import { useFileSends } from './use-file-sends';

/**
 * The product's content folder, what goes into its ZIP: the files in it, and a drop zone (or
 * "Choose files…") that adds files to it. Each file goes to the app by its bytes under its own
 * name; the app writes it only inside this folder.
 */
export function ContentFilesPanel({ slug, contentDir }: { slug: string; contentDir: string }) {
  const listing = useLoad(() => getApi().products.contentFiles({ slug }), [slug]);
  const { reload } = listing;
  const { sends, start } = useFileSends(reload);
  const picker = useRef<HTMLInputElement>(null);
  const add = useCallback(
    (files: File[]) =>
      void start(files.map((file) => ({ file, name: file.name, call: (part) => getApi().products.putContentFile({ slug, name: file.name, ...part }) }))),
    [slug, start],
  );
  const zone = useDropZone(add);

  useEffect(() => {
    // a compile reads the folder as it is now, files put there by hand included: list them too
    const offs = [getApi().on('products.changed', (c) => c.slug === slug && reload()), getApi().on('products.compiled', (c) => c.slug === slug && reload())];
    return () => offs.forEach((off) => off());
  }, [slug, reload]);

  const files = listing.data?.files ?? [];
  const total = files.reduce((n, f) => n + f.bytes, 0);
  return (
    <section className="card section" aria-labelledby="files-title" data-testid="content-files">
      <div className="section-head lx-head">
        <div className="section__head">
          <h2 id="files-title">Files</h2>
          <p className="muted">
            What goes into the ZIP: the files of <code>{contentDir}</code>.
          </p>
        </div>
        <span className="muted num" data-testid="content-files-total">
          {files.length} file{files.length === 1 ? '' : 's'} · {formatBytes(total)}
        </span>
      </div>
      <div className={`lx-drop${zone.over ? ' lx-drop--over' : ''}`} data-testid="content-drop" {...zone.props}>
        <p>
          <strong>Drop files here</strong> to add them to the product, or{' '}
          <button type="button" className="button button--small button--ghost" onClick={() => picker.current?.click()}>
            Choose files…
          </button>
        </p>
        <p className="muted">A file with the name of one already there replaces it.</p>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          aria-label="Files to add to the product"
          onChange={(e) => {
            add(Array.from(e.currentTarget.files ?? []));
            e.currentTarget.value = '';
          }}
        />
      </div>
      <SendList sends={sends} testId="content-sends" />
      <ErrorNotice message={listing.error} onRetry={reload} inline />
      {listing.data?.problems.length ? (
        <ul className="lx-errors" data-testid="content-problems">
          {listing.data.problems.map((p) => (
            <li key={p} className="field-error">
              {p}
            </li>
          ))}
        </ul>
      ) : null}
      {files.length > 0 ? (
        <ul className="plain-list lx-files" data-testid="content-file-list">
          {files.map((f) => (
            <li key={f.name} className="lx-file">
              <code>{f.name}</code>
              <span className="muted num">{formatBytes(f.bytes)}</span>
            </li>
          ))}
        </ul>
      ) : listing.data ? (
        <p className="muted">The folder is empty: nothing to ship yet.</p>
      ) : null}
    </section>
  );
}
